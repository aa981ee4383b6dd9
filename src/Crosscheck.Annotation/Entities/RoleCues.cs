using System.Collections.Frozen;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Annotation.Entities;

/// <summary>
/// Finds the role noun or title next to a person mention: "spokeswoman Jane Doe", "Defense Minister
/// Jane Doe", "Jane Doe, a spokeswoman for...", "the prime minister, Jane Doe". Role phrases come from
/// the shared WordLists/roles.txt (Crosscheck.Core) and this stage's own Entities/role-nouns.txt; the longest phrase wins.
/// </summary>
internal static class RoleCues
{
    private static readonly FrozenSet<string> Roles = Lexicon.Set(LexiconCase.IgnoreCase, (Lexicon.Shared, "WordLists/roles.txt"), (typeof(RoleCues).Assembly, "Entities/role-nouns.txt"));
    /// <summary>The one-word roles and titles, and the last words of longer ones ("minister" from "prime minister").</summary>
    public static IEnumerable<string> SingleWords => Roles.Select(r => r.Split(' ')[^1]).Distinct(StringComparer.OrdinalIgnoreCase);

    private static readonly int MaxRoleTokens = Roles.Max(r => r.Split(' ').Length);

    /// <summary>Tokens allowed between a name and the role after it: "Jane Doe, the country's prime minister".</summary>
    private const int MaxGapAfter = 4;

    /// <summary>The role for a person mention covering tokens [start, end) of a sentence, or null.</summary>
    public static string? Find(string text, ReadOnlySpan<TextSpan> tokens, int start, int end)
    {
        // Role right before the name, possibly with a comma: "spokeswoman Jane Doe", "the spokeswoman, Jane Doe".
        var before = start;
        if (before > 0 && IsComma(text, tokens[before - 1])) before--;
        if (RoleEndingAt(text, tokens, before) is { } preceding) return preceding;
        // Role after the name: "Jane Doe, a spokeswoman", "Jane Doe, the prime minister of ...".
        if (end < tokens.Length && IsComma(text, tokens[end]))
        {
            for (var from = end + 1; from < tokens.Length && from <= end + 1 + MaxGapAfter; from++)
            {
                if (RoleStartingAt(text, tokens, from) is { } following) return following;
                if (IsComma(text, tokens[from]) || tokens[from].Of(text) is "." or ";") break;
            }
        }
        return null;
    }

    private static string? RoleEndingAt(string text, ReadOnlySpan<TextSpan> tokens, int end)
    {
        for (var length = Math.Min(MaxRoleTokens, end); length >= 1; length--)
        {
            var span = TextSpan.FromBounds(tokens[end - length].Start, tokens[end - 1].End);
            if (IsRole(text, tokens[(end - length)..end])) return span.TextOf(text);
        }
        return null;
    }

    private static string? RoleStartingAt(string text, ReadOnlySpan<TextSpan> tokens, int start)
    {
        for (var length = Math.Min(MaxRoleTokens, tokens.Length - start); length >= 1; length--)
        {
            // Only a role that ends the phrase counts: "a spokeswoman for" yes, "president Trump's" no.
            var after = start + length;
            if (after < tokens.Length && IsNameLike(text, tokens[after])) continue;
            if (IsRole(text, tokens[start..after])) return TextSpan.FromBounds(tokens[start].Start, tokens[after - 1].End).TextOf(text);
        }
        return null;
    }

    private static bool IsRole(string text, ReadOnlySpan<TextSpan> tokens)
    {
        if (tokens.Length == 1) return Lexicon.Contains(Roles, tokens[0].Of(text));
        Span<char> buffer = stackalloc char[128];
        var length = 0;
        foreach (var token in tokens)
        {
            var word = token.Of(text);
            if (length + word.Length + 1 > buffer.Length) return false;
            if (length > 0) buffer[length++] = ' ';
            word.CopyTo(buffer[length..]);
            length += word.Length;
        }
        return Lexicon.Contains(Roles, buffer[..length]);
    }

    private static bool IsComma(string text, TextSpan token) => token.Length == 1 && text[token.Start] == ',';

    private static bool IsNameLike(string text, TextSpan token) => token.Length > 0 && char.IsUpper(text[token.Start]);
}
