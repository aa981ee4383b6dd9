using System.Collections.Frozen;
using Crosscheck.Core.Text;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Stories.Entities;

namespace Crosscheck.Stories.Provenance;

/// <summary>
/// One name per outlet across a story: cited forms ("the Reuters news agency", "Reuters"), article
/// outlets and web hosts ("www.reuters.com") meet on a key without descriptor words; an acronym joins
/// its expansion when only one fits. The display name is the most frequent well-formed written form.
/// </summary>
internal sealed class OutletNames
{
    private static readonly FrozenSet<string> Descriptors = Lexicon.Set(typeof(OutletNames).Assembly, "Provenance/outlet-descriptors.txt", LexiconCase.Lower);

    private readonly Dictionary<string, Dictionary<string, int>> _formsByKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _alias = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _display;

    public static string Key(string name)
    {
        var words = Folding.Words(name.Replace('.', ' ').Replace('-', ' '));
        var start = 0;
        var end = words.Count;
        while (start < end && Descriptors.Contains(words[start])) start++;
        while (end > start && Descriptors.Contains(words[end - 1])) end--;
        return start < end ? string.Concat(words.Skip(start).Take(end - start)) : string.Concat(words);
    }

    /// <summary>Records a written form; forms must all be added before names are read.</summary>
    public void Add(string name, int weight = 1)
    {
        var clean = DisplayForm(Folding.Clean(name, 120));
        var key = Key(clean);
        if (key.Length == 0) return;
        if (!_formsByKey.TryGetValue(key, out var forms)) _formsByKey[key] = forms = new(StringComparer.Ordinal);
        forms[clean] = forms.GetValueOrDefault(clean) + weight;
        _display = null;
    }

    /// <summary>The story's display name for an outlet written this way.</summary>
    public string Canonical(string name)
    {
        _display ??= Resolve();
        var key = Key(Folding.Clean(name, 120));
        if (_alias.TryGetValue(key, out var target)) key = target;
        return _display.TryGetValue(key, out var display) ? display : Folding.Clean(name, 120);
    }

    private Dictionary<string, string> Resolve()
    {
        _alias.Clear();
        var expansions = _formsByKey
            .SelectMany(kv => kv.Value.Keys.Select(form => (Key: kv.Key, Words: NameForms.WordKeys(form))))
            .Where(x => x.Words.Length >= 2)
            .ToList();
        foreach (var (key, forms) in _formsByKey)
        {
            var acronym = forms.Keys.Select(f => NameForms.Acronym(f, 10)).FirstOrDefault(a => a is not null);
            if (acronym is null) continue;
            var targets = expansions.Where(e => e.Key != key && NameForms.Abbreviates(acronym, e.Words)).Select(e => e.Key).Distinct().ToList();
            if (targets.Count == 1) _alias[key] = targets[0];
        }
        var merged = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (key, forms) in _formsByKey)
        {
            var target = _alias.GetValueOrDefault(key, key);
            if (!merged.TryGetValue(target, out var all)) merged[target] = all = new(StringComparer.Ordinal);
            foreach (var (form, count) in forms) all[form] = all.GetValueOrDefault(form) + count;
        }
        var display = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, forms) in merged)
        {
            display[key] = forms
                .OrderBy(kv => LooksLikeHost(kv.Key))
                .ThenByDescending(kv => kv.Key.Length > 0 && char.IsUpper(kv.Key[0]))
                .ThenByDescending(kv => kv.Value)
                .ThenByDescending(kv => kv.Key.Count(c => c == ' '))
                .ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .First().Key;
        }
        return display;
    }

    /// <summary>"the X news agency" → "X": a leading article and trailing descriptor words are not part of the name.</summary>
    private static string DisplayForm(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase)) words.RemoveAt(0);
        while (words.Count > 1 && Descriptors.Contains(Folding.Key(words[^1]))) words.RemoveAt(words.Count - 1);
        return string.Join(' ', words);
    }

    private static bool LooksLikeHost(string form) => !form.Contains(' ') && form.Contains('.');
}
