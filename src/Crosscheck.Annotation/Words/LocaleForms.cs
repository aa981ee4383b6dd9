namespace Crosscheck.Annotation.Words;

/// <summary>Matching the forms of a per-language word table (calendar words, speech verbs) at a position of the text.</summary>
internal static class LocaleForms
{
    /// <summary>Sorts a table longest form first, so "avant-hier" is tried before "hier".</summary>
    public static void LongestFirst(List<(string Form, int Value)> forms) => forms.Sort((a, b) => b.Form.Length.CompareTo(a.Form.Length));

    /// <summary>
    /// The first (longest, once sorted) form of <paramref name="forms"/> starting at <paramref name="at"/> and ending at a
    /// word boundary; in a language written without spaces any end will do, and a form ending in an apostrophe ("qu'")
    /// may be glued to the next word.
    /// </summary>
    public static (int Value, int End)? Match(List<(string Form, int Value)> forms, string text, int at, int limit, bool unspaced)
    {
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
