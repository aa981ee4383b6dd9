using Crosscheck.Core.Model;

namespace Crosscheck.Annotation.Entities;

/// <summary>
/// Runs of capitalised words that may form one name (<see cref="NerFeatureOptions.NameChunks"/>): capitalised tokens
/// next to each other or bridged by one or two short lower-case words ("de", "del", "de la", "y", "von", "van der"),
/// so "Centro de Estudios de Historia Religiosa" is one run of six tokens. Only the shape of the words decides: no word
/// list, so it reads the same in every Latin-script language.
/// </summary>
internal static class NameChunks
{
    /// <summary>Longest lower-case word that can bridge two capitalised ones ("del", "las", "van").</summary>
    public const int BridgeLetters = 3;

    /// <summary>Most lower-case words in a row that can bridge two capitalised ones ("de la", "van der").</summary>
    public const int BridgeWords = 2;

    /// <summary>
    /// For each token, the run it is in: <c>Start</c>/<c>End</c> (exclusive), or -1 outside every run (a token that
    /// is neither capitalised nor a bridge inside a run); <c>Part</c> is, for a capitalised token after a bridge, the
    /// index of the bridge's first word (the word its part of the name starts with), else -1.
    /// </summary>
    public static (int Start, int End, int Part)[] Of(string text, ReadOnlySpan<TextSpan> tokens)
    {
        var n = tokens.Length;
        var result = new (int Start, int End, int Part)[n];
        Array.Fill(result, (-1, -1, -1));
        var i = 0;
        while (i < n)
        {
            if (!IsCapitalised(tokens[i].Of(text))) { i++; continue; }
            var start = i;
            var end = i + 1;
            // Walked once: each token's Part is set as the run grows (a bridge word keeps -1), Start and End once it ends.
            var part = -1;
            while (end < n)
            {
                if (IsCapitalised(tokens[end].Of(text))) { result[end].Part = part; end++; continue; }
                var bridge = 0;
                while (bridge < BridgeWords && end + bridge < n && IsBridge(tokens[end + bridge].Of(text))) bridge++;
                if (bridge == 0 || end + bridge >= n || !IsCapitalised(tokens[end + bridge].Of(text))) break;
                part = end;
                result[end + bridge].Part = part;
                end += bridge + 1;
            }
            for (var k = start; k < end; k++) result[k] = (start, end, result[k].Part);
            i = end;
        }
        return result;
    }

    private static bool IsCapitalised(ReadOnlySpan<char> word) => word.Length > 0 && char.IsUpper(word[0]);

    private static bool IsBridge(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > BridgeLetters) return false;
        foreach (var c in word)
            if (!char.IsLower(c)) return false;
        return true;
    }
}
