using Crosscheck.Annotation.Words;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Citations;

/// <summary>
/// News outlets and agencies with their aliases (<c>Citations/Data/outlets.txt</c>), matched
/// case-sensitively on whole words. Immutable; shared by all threads.
/// </summary>
public sealed class OutletGazetteer
{
    private readonly Dictionary<string, List<(string[] Words, string Canonical)>> _byFirstWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string[] Words, string Canonical)>>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public static OutletGazetteer Default { get; } = new(Lexicon.Rows(typeof(OutletGazetteer).Assembly, "Citations/Data/outlets.txt", LexiconCase.Exact));

    /// <summary>A gazetteer over rows of (canonical name, aliases separated by '|').</summary>
    public OutletGazetteer(IEnumerable<string[]> rows)
    {
        foreach (var row in rows)
        {
            if (row.Length == 0 || row[0].Length == 0) continue;
            var canonical = row[0];
            var aliases = (row.Length > 1 ? row[1].Split('|') : []).Append(canonical).Distinct(StringComparer.Ordinal);
            foreach (var alias in aliases)
            {
                var words = WordScanner.Scan(alias, 0, alias.Length).Select(t => alias[t.Start..t.End]).ToArray();
                if (words.Length == 0) continue;
                if (!_byFirstWord.TryGetValue(words[0], out var list)) _byFirstWord[words[0]] = list = [];
                list.Add((words, canonical));
                Canonicals.Add(canonical);
            }
        }
        foreach (var list in _byFirstWord.Values) list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every canonical outlet name.</summary>
    public HashSet<string> Canonicals { get; } = new(StringComparer.Ordinal);

    /// <summary>The longest outlet alias starting at token <paramref name="index"/>: its canonical name and the token after it.</summary>
    internal (string Canonical, int End)? Match(string text, List<Scanned> tokens, int index)
    {
        if (!_lookup.TryGetValue(tokens[index].Of(text), out var candidates)) return null;
        foreach (var (words, canonical) in candidates)
        {
            if (index + words.Length > tokens.Count) continue;
            var ok = true;
            for (var w = 1; w < words.Length && ok; w++)
            {
                ok = tokens[index + w].Of(text).SequenceEqual(words[w]);
            }
            // "AP" must not match inside "AP-style" or a longer capitalised name ("AP Moller").
            if (ok && index + words.Length < tokens.Count)
            {
                var after = tokens[index + words.Length];
                if (!after.SpaceBefore && after.Kind != ScanKind.Punct) ok = false;
                if (!after.SpaceBefore && after.Of(text) is "-") ok = false;
            }
            if (ok && index > 0 && !tokens[index].SpaceBefore && tokens[index - 1].Of(text) is "-" or "/") ok = false;
            if (ok) return (canonical, index + words.Length);
        }
        return null;
    }
}
