using System.Collections.Frozen;

namespace Crosscheck.Annotation.Words;

/// <summary>
/// Tables kept per language (the locale number and calendar words), loaded once and looked up by the
/// document's ISO 639-1 code with any region suffix ignored; a language without a table gets null.
/// </summary>
internal sealed class PerLanguage<T>(IEnumerable<string> languages, Func<string, T> load)
    where T : class
{
    private readonly FrozenDictionary<string, T> _tables = languages.ToFrozenDictionary(language => language, load);

    /// <summary>Every language's table.</summary>
    public IEnumerable<T> All => _tables.Values;

    public T? For(string? language)
    {
        if (string.IsNullOrEmpty(language) || language.Length < 2) return null;
        return _tables.TryGetValue(language[..2].ToLowerInvariant(), out var table) ? table : null;
    }
}
