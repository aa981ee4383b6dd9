using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace Crosscheck.Stories.Clustering;

/// <summary>
/// Splits a compound into its two last parts when both are words of the dictionary (the language's glossary headwords), and passes the
/// compound on with its parts after it (same offsets, position increment 0): German writes "Regierungsbündnis" where a
/// report of the same event writes "Regierung" and "Bündnis", "Impfpflicht" beside "Impfstoff". The split kept is the one
/// with the longest head (the last part, which names what the compound is), with a linking "s", "es", "n" or "en"
/// allowed after the modifier ("Regierung-s-bündnis"). A word the dictionary holds as it stands is not split.
/// Runs on lower-cased tokens, before stemming.
/// With the wide split (<see cref="CompoundSplitting.Wide"/>) it also splits: a word the dictionary holds whole,
/// or for one that is an inflected form of another headword (the language's endings) that headword ("Bundesregierung" is
/// split; "Regierungen" is read as "Regierung", which is not); a word whose head carries an inflection ending the dictionary
/// does not list, as the word without it ("Flüchtlingskrisen"); a modifier of fewer letters (shorter than a
/// head may be: "Bund-es-regierung", "Wahl-kampf"), never a stop word (a preposition or particle
/// before a word makes a derived word, "Unter-nehmen", not a compound of two things); and a modifier that is not a word
/// but splits in two itself, giving three parts ("Welt-gesundheits-organisation").
/// </summary>
internal sealed class CompoundSplitFilter : TokenFilter
{
    private static readonly string[] Linkers = ["", "s", "es", "n", "en"];

    private readonly CharArraySet _words;
    private readonly int _minPart;
    private readonly int _minModifier;
    private readonly bool _wide;
    private readonly CharArraySet? _stopWords;
    private readonly string[] _endings;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _position;
    private readonly Queue<string> _parts = new(3);

    /// <summary>Today's split (<see cref="CompoundSplitting.Headwords"/>): two words of <paramref name="words"/> of at least <paramref name="minPart"/> letters each.</summary>
    public CompoundSplitFilter(TokenStream input, CharArraySet words, int minPart)
        : this(input, words, minPart, minPart, wide: false, stopWords: null, endings: [])
    {
    }

    /// <summary>The split with every knob (<see cref="CompoundSplitting.Wide"/> when <paramref name="wide"/>).</summary>
    public CompoundSplitFilter(TokenStream input, CharArraySet words, int minPart, int minModifier, bool wide, CharArraySet? stopWords, string[] endings)
        : base(input)
    {
        _words = words;
        _minPart = minPart;
        _minModifier = minModifier;
        _wide = wide;
        _stopWords = stopWords;
        _endings = endings;
        _term = input.AddAttribute<ICharTermAttribute>();
        _position = input.AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_parts.TryDequeue(out var part))
        {
            _term.SetEmpty().Append(part);
            _position.PositionIncrement = 0;
            return true;
        }
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        var length = _term.Length;
        if (length < _minModifier + _minPart) return true;
        var listed = _words.Contains(buffer, 0, length);
        if (!_wide)
        {
            // A word of the dictionary itself ("Regierungen", "Bundeskanzlerin") is no compound to split.
            if (!listed) Split(buffer, length, recurse: false);
            return true;
        }
        // The wide split: a listed word that is another headword's inflected form is split as that headword ("Regierungen" as
        // "Regierung", which does not split; "Hafenmeistern" as "Hafenmeister"), and a word not listed whose head carries an
        // inflection ending the dictionary does not list ("Flüchtlingskrisen") as the word without it.
        if (listed)
        {
            var stem = InflectedHeadword(buffer, length);
            Split(buffer, stem > 0 ? stem : length, recurse: true);
            return true;
        }
        if (Split(buffer, length, recurse: true)) return true;
        foreach (var ending in _endings)
        {
            var stem = length - ending.Length;
            if (stem >= _minModifier + _minPart && EndsWith(buffer, length, ending) && Split(buffer, stem, recurse: true)) break;
        }
        return true;
    }

    /// <summary>
    /// Queues the parts of buffer[0..length) (the modifier's own two first when it splits and <paramref name="recurse"/>); false
    /// when it does not split.
    /// </summary>
    private bool Split(char[] buffer, int length, bool recurse)
    {
        for (var head = _minModifier; head <= length - _minPart; head++)
        {
            // head: where the last part starts; the longest head that is a word wins.
            if (!_words.Contains(buffer, head, length - head)) continue;
            foreach (var linker in Linkers)
            {
                var modifier = head - linker.Length;
                if (modifier < _minModifier || !EndsWith(buffer, head, linker)) continue;
                if (_stopWords is not null && _stopWords.Contains(buffer, 0, modifier)) continue;
                if (_words.Contains(buffer, 0, modifier))
                {
                    _parts.Enqueue(new string(buffer, 0, modifier));
                }
                else if (!recurse || !Split(buffer, modifier, recurse: false))
                {
                    continue;
                }
                _parts.Enqueue(new string(buffer, head, length - head));
                return true;
            }
        }
        return false;
    }

    /// <summary>The length of the headword buffer[0..length) is an inflected form of ("Regierung" of "Regierungen"), or 0.</summary>
    private int InflectedHeadword(char[] buffer, int length)
    {
        foreach (var ending in _endings)
        {
            var stem = length - ending.Length;
            if (stem >= _minPart && EndsWith(buffer, length, ending) && _words.Contains(buffer, 0, stem)) return stem;
        }
        return 0;
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
