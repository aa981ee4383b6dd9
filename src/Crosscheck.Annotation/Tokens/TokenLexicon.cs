using System.Collections.Frozen;

namespace Crosscheck.Annotation.Tokens;

/// <summary>The word lists tokenization and sentence splitting rely on, loaded once.</summary>
internal static class TokenLexicon
{
    private const string Prefix = "Crosscheck.Annotation.Tokens.";

    /// <summary>Words whose trailing period belongs to the token ("Gen.", "Jan.", "Inc.").</summary>
    public static readonly FrozenSet<string> Abbreviations = WordList.CaseInsensitiveSet(Prefix + "abbreviations.txt");

    /// <summary>Frequent capitalised function words ("He", "The", "And").</summary>
    public static readonly FrozenSet<string> CapitalisedFunctionWords = WordList.CaseInsensitiveSet(Prefix + "capitalised-function-words.txt");

    /// <summary>Names with an inner capital that must stay whole ("LinkedIn").</summary>
    public static readonly FrozenSet<string> CamelCaseNames = WordList.CaseInsensitiveSet(Prefix + "camelcase-names.txt");
}
