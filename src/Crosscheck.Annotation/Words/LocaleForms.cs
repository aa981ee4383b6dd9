namespace Crosscheck.Annotation.Words;

/// <summary>
/// The forms of a per-language word table (calendar words, speech verbs) with a value each, matched at a position
/// of the text. Forms are kept by their first letter, longest first, so a word tries only the few forms that could
/// start there ("avant-hier" before "hier"): the rules ask at every word of every sentence.
/// </summary>
internal sealed class LocaleForms
{
    private readonly Dictionary<char, (string Form, int Value)[]> _byFirstLetter;

    public LocaleForms(IEnumerable<(string Form, int Value)> forms)
    {
        Forms = [.. forms.OrderByDescending(f => f.Form.Length)];
        _byFirstLetter = Forms.GroupBy(f => char.ToLowerInvariant(f.Form[0])).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Every form, longest first.</summary>
    public IReadOnlyList<(string Form, int Value)> Forms { get; }

    public bool CouldStart(char c) => _byFirstLetter.ContainsKey(char.ToLowerInvariant(c));

    /// <summary>
    /// The longest form starting at <paramref name="at"/> and ending at a word boundary; in a language written without
    /// spaces any end will do, and a form ending in an apostrophe ("qu'") may be glued to the next word.
    /// </summary>
    public (int Value, int End)? Match(string text, int at, int limit, bool unspaced)
    {
        if (at >= limit || !_byFirstLetter.TryGetValue(char.ToLowerInvariant(text[at]), out var forms)) return null;
        foreach (var (form, value) in forms)
        {
            if (at + form.Length > limit || !text.AsSpan(at, form.Length).Equals(form, StringComparison.OrdinalIgnoreCase)) continue;
            var end = at + form.Length;
            if (!unspaced && end < limit && char.IsLetter(text[end]) && form[^1] is not ('\'' or '\u2019')) continue;
            return (value, end);
        }
        return null;
    }
}
