using System.Collections.Frozen;
using System.Reflection;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Events;

/// <summary>
/// What an event word names: its lemma (irregular forms from <c>Events/Data/irregular-verbs.txt</c>, else suffix
/// rules), a spelling-free key ("escape" and "escaped" meet), and its predicate class
/// (<c>Events/Data/predicate-classes.txt</c>: synonyms and derivations, "acquire / acquisition / buy").
/// </summary>
public static class PredicateLexicon
{
    private static readonly Assembly Own = typeof(PredicateLexicon).Assembly;

    private static readonly FrozenDictionary<string, string> Irregular = ReadIrregular();

    private static readonly FrozenDictionary<string, string> Classes = ReadClasses();

    /// <summary>Particles kept in a phrasal predicate's key ("check out").</summary>
    public static readonly FrozenSet<string> Particles = Lexicon.Set(Own, "Events/Data/particles.txt", LexiconCase.Lower);

    /// <summary>Pronouns and demonstratives that can stand for an event.</summary>
    public static readonly FrozenSet<string> ReferenceWords = Lexicon.Set(Own, "Events/Data/reference-words.txt", LexiconCase.Lower);

    private static readonly FrozenSet<string> ReportingClasses =
        Lexicon.Lines(Own, "Events/Data/reporting.txt", LexiconCase.Lower).Select(ClassOf).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether a word is an irregular verb form or base (went, broken, say).</summary>
    public static bool IsIrregularForm(string lowerWord) => Irregular.ContainsKey(lowerWord);

    /// <summary>Whether a word's predicate class is one of the classes the lists name (rather than its own key).</summary>
    public static bool HasClass(string word) => Classes.ContainsKey(Key(word));

    private static readonly string SayingClass = ClassOf("say");

    private static readonly FrozenSet<string> LightClasses =
        Lexicon.Lines(Own, "Events/Data/light-verbs.txt", LexiconCase.Lower).Select(ClassOf).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the class is that of a light verb ("make", "take"): too general to name a happening on its own.</summary>
    public static bool IsLight(string predicateClass) => LightClasses.Contains(predicateClass);

    /// <summary>Whether the class is that of plain saying ("said", "told", "statement"): the way a statement is reported.</summary>
    public static bool IsSaying(string predicateClass) => predicateClass == SayingClass;

    /// <summary>Whether the class is a verb of reporting (reporting.txt: say, report, announce, deny...): each act its own event.</summary>
    public static bool IsReporting(string predicateClass) => ReportingClasses.Contains(predicateClass);

    /// <summary>The base form: an irregular form's verb, else the word without its inflection (plural, -ed, -ing).</summary>
    public static string Lemma(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var w = word.ToLowerInvariant();
        if (Irregular.TryGetValue(w, out var irregular)) return irregular;
        var n = w.Length;
        if (n > 4 && (w.EndsWith("ies", StringComparison.Ordinal) || w.EndsWith("ied", StringComparison.Ordinal))) return w[..^3] + "y";
        if (n > 5 && w.EndsWith("ing", StringComparison.Ordinal)) return Undouble(w[..^3]);
        if (n > 4 && w.EndsWith("ed", StringComparison.Ordinal)) return Undouble(w[..^2]);
        if (n > 4 && (w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)
            || (w.EndsWith("es", StringComparison.Ordinal) && w[^3] is 's' or 'x' or 'z')))
        {
            return w[..^2];
        }
        if (n > 3 && w[^1] == 's' && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal)) return w[..^1];
        return w;
    }

    /// <summary>The lemma without a final silent e, so inflected and base forms meet ("escap" for escape, escaped, escaping).</summary>
    public static string Key(string word)
    {
        var lemma = Lemma(word);
        return lemma.Length > 3 && lemma[^1] == 'e' ? lemma[..^1] : lemma;
    }

    /// <summary>The predicate class of a word: its class in the lists, else its key.</summary>
    public static string ClassOf(string word)
    {
        var key = Key(word);
        return Classes.TryGetValue(key, out var name) ? name : key;
    }

    // A doubled final consonant left by -ed/-ing is single in the base ("stopped" -> "stop"); l, s and z often double in the base itself.
    private static string Undouble(string stem) =>
        stem.Length >= 3 && stem[^1] == stem[^2] && !"aeiouylsz".Contains(stem[^1], StringComparison.Ordinal) ? stem[..^1] : stem;

    private static FrozenDictionary<string, string> ReadIrregular()
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lexicon.Lines(Own, "Events/Data/irregular-verbs.txt", LexiconCase.Lower))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var form in words.Skip(1)) forms.TryAdd(form, words[0]);
        }
        return forms.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string> ReadClasses()
    {
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lexicon.Lines(Own, "Events/Data/predicate-classes.txt", LexiconCase.Lower))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // A class is named by its first word, so keys stay readable in reports ("acquire" for "takeover").
            var name = "=" + words[0];
            foreach (var word in words)
            {
                classes.TryAdd(Key(word), name);
                classes.TryAdd(Key(word.Replace("-", "", StringComparison.Ordinal)), name);
            }
        }
        return classes.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
