using System.Collections.Frozen;
using System.Text;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Stories.Consolidation;

namespace Crosscheck.Stories.Entities;

/// <summary>
/// Turns a mention as written into the name it stands for: titles and roles stripped
/// ("Russian President X" → "X"), possessives removed ("Russia's X Group" → "X Group",
/// "X's" → "X"), a leading article dropped, machine-translation glue cut ("NameHe said").
/// Also the comparison keys: folded words, consonant skeletons, organisation cores, acronyms.
/// </summary>
internal static class NameForms
{
    private static readonly FrozenSet<string> Titles = Lexicon.Set(typeof(NameForms).Assembly, "Entities/titles.txt", LexiconCase.Lower);
    private static readonly FrozenSet<string> Designators = Lexicon.Set(typeof(NameForms).Assembly, "Entities/org-designators.txt", LexiconCase.Lower);
    private static readonly FrozenSet<string> Particles = Lexicon.Set(typeof(NameForms).Assembly, "Entities/name-particles.txt", LexiconCase.Lower);

    /// <summary>The name a mention stands for, as written but cleaned; null when nothing name-like is left.</summary>
    public static string? Clean(string surface, EntityType type, int maxWords)
    {
        var text = TextFold.FoldQuotes(surface);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count == 0 || words.Count > maxWords * 2) return null;

        // "Russia's X Group": the name is what the possessive qualifies.
        for (var i = words.Count - 2; i >= 0; i--)
        {
            if (IsPossessive(words[i]) && StartsUpper(words[i + 1]))
            {
                words.RemoveRange(0, i + 1);
                break;
            }
        }
        for (var i = 0; i < words.Count; i++)
        {
            words[i] = TrimPunctuation(words[i]);
        }
        words.RemoveAll(w => w.Length == 0);
        if (words.Count == 0) return null;
        words[^1] = StripPossessive(words[^1]);

        while (words.Count > 1 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);

        if (type == EntityType.Person)
        {
            var lastTitle = words.FindLastIndex(w => Titles.Contains(Folding.Key(w)));
            if (lastTitle >= 0 && lastTitle < words.Count - 1) words.RemoveRange(0, lastTitle + 1);
            else if (lastTitle == words.Count - 1 && words.Count == 1) return null;
            while (words.Count > 1 && !StartsUpper(words[0])) words.RemoveAt(0);
        }

        // Glue left by machine translation ("NameHe", "NameAnd"): the name ends where a capital starts a word.
        var glued = SplitGlue(words[^1]);
        if (glued is not null) words[^1] = glued;

        if (words.Count > maxWords || words.Count == 0) return null;
        var name = string.Join(' ', words);
        return name.Any(char.IsLetter) ? name : null;
    }

    /// <summary>Folded key of each word (hyphens and apostrophes dropped: "Anne-Claire" → "anneclaire").</summary>
    public static string[] WordKeys(string name) =>
        name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Folding.Key).Where(k => k.Length > 0).ToArray();

    /// <summary>
    /// Transliteration-blind form of a name word: the consonants only, with the usual spelling
    /// alternations of romanised names collapsed (k/c/q, v/w, f/ph, zh/j, s/z, x/ks, silent h and y,
    /// doubled letters). "yevgeny" and "evgueni" both give "vgn".
    /// </summary>
    public static string Skeleton(string key)
    {
        var sb = new StringBuilder(key.Length);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            var next = i + 1 < key.Length ? key[i + 1] : '\0';
            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h') continue;
            if (c == 'x' && (sb.Length == 0 || sb[^1] != 'k')) sb.Append('k');
            var mapped = c switch
            {
                'z' when next == 'h' => 'j',
                'c' or 'k' or 'q' => 'k',
                'w' or 'v' => 'v',
                'p' when next == 'h' => 'f',
                'z' or 's' or 'x' => 's',
                _ => c,
            };
            if (sb.Length > 0 && sb[^1] == mapped) continue;
            sb.Append(mapped);
        }
        return sb.ToString();
    }

    /// <summary>An organisation's identifying words without generic designators ("X Group" → "x").</summary>
    public static string OrgCore(string[] wordKeys)
    {
        var end = wordKeys.Length;
        while (end > 1 && Designators.Contains(wordKeys[end - 1])) end--;
        var start = 0;
        while (start < end - 1 && wordKeys[start] == "the") start++;
        return string.Concat(wordKeys[start..end]);
    }

    /// <summary>The letters of an acronym as written ("U.N." → "UN"), or null when the form is not one.</summary>
    public static string? Acronym(string name, int maxLetters)
    {
        if (name.Contains(' ')) return null;
        var letters = new StringBuilder();
        foreach (var c in name)
        {
            if (c == '.') continue;
            if (!char.IsUpper(c) && !char.IsDigit(c)) return null;
            letters.Append(c);
        }
        return letters.Length >= 2 && letters.Length <= maxLetters ? Folding.Key(letters.ToString()) : null;
    }

    /// <summary>
    /// Whether an acronym abbreviates a multi-word name: each significant word gives the next one or
    /// more letters from its start, particles ("of", "the") may give one or none
    /// ("ECOWAS" = Economic COmmunity of West African States).
    /// </summary>
    public static bool Abbreviates(string acronym, string[] wordKeys)
    {
        if (wordKeys.Length < 2) return false;
        return Match(0, 0);

        bool Match(int letter, int word)
        {
            if (word == wordKeys.Length) return letter == acronym.Length;
            var key = wordKeys[word];
            var particle = Particles.Contains(key);
            if (particle && Match(letter, word + 1)) return true;
            for (var take = 1; take <= key.Length && letter + take <= acronym.Length; take++)
            {
                if (key[take - 1] != acronym[letter + take - 1]) break;
                if (Match(letter + take, word + 1)) return true;
            }
            return false;
        }
    }

    /// <summary>Every word capitalised, except particles: a name fit to be canonical.</summary>
    public static bool IsWellFormed(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            if (!StartsUpper(word) && !char.IsDigit(word[0]) && !(i > 0 && Particles.Contains(Folding.Key(word)))) return false;
            if (SplitGlue(word) is not null) return false;
        }
        return true;
    }

    public static bool IsParticle(string key) => Particles.Contains(key);

    private static bool StartsUpper(string word) => word.Length > 0 && char.IsUpper(word[0]);

    private static bool IsPossessive(string word) =>
        word.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || (word.Length > 2 && word.EndsWith("s'", StringComparison.Ordinal));

    private static string StripPossessive(string word)
    {
        if (word.Length > 2 && word.EndsWith("'s", StringComparison.OrdinalIgnoreCase)) return word[..^2];
        if (word.Length > 2 && word.EndsWith("s'", StringComparison.Ordinal)) return word[..^1];
        return word;
    }

    private static string TrimPunctuation(string word)
    {
        var start = 0;
        var end = word.Length;
        while (start < end && !char.IsLetterOrDigit(word[start])) start++;
        // A trailing period stays on dotted acronyms ("U.N.") and initials ("J."), not on other words.
        while (end > start && !char.IsLetterOrDigit(word[end - 1]) && word[end - 1] != '\'')
        {
            if (word[end - 1] == '.' && word.AsSpan(start, end - start - 1).Contains('.')) break;
            if (word[end - 1] == '.' && end - start == 2) break;
            end--;
        }
        return word[start..end];
    }

    /// <summary>The head of a word glued to the next one ("LavrovHe" → "Lavrov"); null when not glued.</summary>
    private static string? SplitGlue(string word)
    {
        for (var i = 4; i < word.Length; i++)
        {
            if (char.IsUpper(word[i]) && char.IsLower(word[i - 1]) && char.IsLower(word[i - 2]) && char.IsLower(word[i - 3]))
            {
                return word[..i];
            }
        }
        return null;
    }
}
