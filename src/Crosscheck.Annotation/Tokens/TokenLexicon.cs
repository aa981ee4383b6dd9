using System.Collections.Frozen;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Tokens;

/// <summary>The word lists tokenization and sentence splitting rely on, loaded once.</summary>
internal static class TokenLexicon
{
    /// <summary>Words whose trailing period belongs to the token ("Gen.", "Jan.", "Inc.").</summary>
    public static readonly FrozenSet<string> Abbreviations = Load("abbreviations.txt");

    /// <summary>Frequent capitalised function words ("He", "The", "And").</summary>
    public static readonly FrozenSet<string> CapitalisedFunctionWords = Load("capitalised-function-words.txt");

    /// <summary>Names with an inner capital that must stay whole ("LinkedIn").</summary>
    public static readonly FrozenSet<string> CamelCaseNames = Load("camelcase-names.txt");

    /// <summary>A list of Tokens/, matched case-insensitively ("gen." and "Gen." alike).</summary>
    private static FrozenSet<string> Load(string file) =>
        Lexicon.Set(typeof(TokenLexicon).Assembly, "Tokens/" + file, LexiconCase.IgnoreCase);
}
