using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace Crosscheck.Stories.Clustering;

/// <summary>
/// Splits a compound into its two last parts when both are words of <paramref name="words"/>, and passes the
/// compound on with its parts after it (same offsets): German writes "Regierungsbündnis" where a report of the
/// same event writes "Regierung" and "Bündnis", "Impfpflicht" beside "Impfstoff". The split kept is the one with
/// the longest head (the last part, which names what the compound is), with a linking "s", "es", "n" or "en"
/// allowed after the modifier ("Regierung-s-bündnis"). A word the dictionary holds as it stands is not split.
/// Runs on lower-cased tokens, before stemming.
/// </summary>
internal sealed class CompoundSplitFilter(TokenStream input, CharArraySet words, int minPart) : TokenFilter(input)
{
    private static readonly string[] Linkers = ["", "s", "es", "n", "en"];

    private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();
    private readonly IPositionIncrementAttribute _position = input.AddAttribute<IPositionIncrementAttribute>();
    private readonly Queue<string> _parts = new(2);

    public override bool IncrementToken()
    {
        if (_parts.TryDequeue(out var part))
        {
            _term.SetEmpty().Append(part);
            _position.PositionIncrement = 0;
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        Split(_term.Buffer, _term.Length);
        return true;
    }

    private void Split(char[] buffer, int length)
    {
        // A word of the dictionary itself ("Regierungen", "Bundeskanzlerin") is no compound to split.
        if (length < 2 * minPart || words.Contains(buffer, 0, length)) return;
        for (var head = minPart; head <= length - minPart; head++)
        {
            // head: where the last part starts; the longest head that is a word wins.
            if (!words.Contains(buffer, head, length - head)) continue;
            foreach (var linker in Linkers)
            {
                var modifier = head - linker.Length;
                if (modifier < minPart || !EndsWith(buffer, head, linker) || !words.Contains(buffer, 0, modifier)) continue;
                _parts.Enqueue(new string(buffer, 0, modifier));
                _parts.Enqueue(new string(buffer, head, length - head));
                return;
            }
        }
    }

    private static bool EndsWith(char[] buffer, int end, string suffix)
    {
        for (var i = 0; i < suffix.Length; i++)
        {
            if (buffer[end - suffix.Length + i] != suffix[i]) return false;
        }
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _parts.Clear();
    }
}
