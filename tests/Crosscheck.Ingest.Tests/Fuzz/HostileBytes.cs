using System.Text;

namespace Crosscheck.Ingest.Tests.Fuzz;

/// <summary>
/// Makes hostile inputs from valid ones with a seeded generator, so a run is repeatable from its
/// seed: byte flips, insertions and deletions, truncation, repeated runs (huge tokens), deep
/// nesting, NUL bytes, invalid UTF-8 and UTF-16, unpaired surrogate escapes, and pieces of the
/// formats' own syntax in the wrong places; now and then purely random bytes.
/// </summary>
internal sealed class HostileBytes(int seed, IReadOnlyList<byte[]> samples, IReadOnlyList<string> syntax)
{
    private readonly Random _random = new(seed);

    /// <summary>Byte sequences no reader should choke on: invalid or unusual encodings and control bytes.</summary>
    private static readonly byte[][] Encodings =
    [
        [0x00], [0x00, 0x00, 0x00, 0x00], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0x80], [0xBF, 0xBF], [0xFE, 0xFF], [0xFF, 0xFE], [0xEF, 0xBB, 0xBF], [0xE2, 0x80], [0x1B], [0x7F], [0x0C], [0x0D],
        [0xFF, 0xFE, 0x00, 0xD8], [0x1F, 0x8B, 0x08], [0xC3, 0xA9], [0xF0, 0x9F, 0x98, 0x80],
    ];

    /// <summary>Text every format meets: escapes, entities, line ends and nesting openers.</summary>
    private static readonly string[] Common =
    [
        "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\u0000", "\\", "\"", "&#0;", "&#xD800;", "&#x110000;", "&amp;", "&bogus;", "\r\n", "\r", "\n\n",
        "<", ">", "<![CDATA[", "]]>", "<!--", "-->", "<!DOCTYPE x [<!ENTITY e \"ee\">]>", "<!ENTITY", "{", "}", "[", "]", ":", ",", "null", "1e999999",
        "-0", "99999999999999999999", "\t", " ", "=", "'", "<p>", "</p>", "<div>", "<script>", "</script>", "WARC/1.0\r\n", "Content-Length: ",
    ];

    /// <summary>A new hostile input.</summary>
    public byte[] Next()
    {
        if (_random.Next(20) == 0) return RandomBytes(_random.Next(0, 4096));
        var input = new List<byte>(samples[_random.Next(samples.Count)]);
        var mutations = 1 + _random.Next(_random.Next(2) == 0 ? 3 : 12);
        for (var i = 0; i < mutations; i++) Mutate(input);
        return [.. input];
    }

    private void Mutate(List<byte> input)
    {
        var at = _random.Next(input.Count + 1);
        switch (_random.Next(11))
        {
            case 0: // flip bytes
                for (var i = 0; i < 1 + _random.Next(8) && input.Count > 0; i++) input[_random.Next(input.Count)] ^= (byte)(1 << _random.Next(8));
                break;
            case 1: // delete a run
                if (input.Count > 0)
                {
                    var from = Math.Min(at, input.Count - 1);
                    input.RemoveRange(from, Math.Min(input.Count - from, 1 + _random.Next(64)));
                }
                break;
            case 2: // truncate
                input.RemoveRange(at, input.Count - at);
                break;
            case 3: // a run repeated many times: huge tokens and lines
                if (input.Count > 0)
                {
                    var start = _random.Next(input.Count);
                    var run = input.GetRange(start, Math.Min(1 + _random.Next(16), input.Count - start));
                    var times = _random.Next(3) == 0 ? 20_000 + _random.Next(200_000) : 10 + _random.Next(2_000);
                    input.InsertRange(at, Enumerable.Repeat(run, times).SelectMany(r => r).ToArray());
                }
                break;
            case 4: // deep nesting of the format's own openers
                var opener = Ascii(syntax[_random.Next(syntax.Count)]);
                input.InsertRange(at, Enumerable.Repeat(opener, 500 + _random.Next(20_000)).SelectMany(o => o).ToArray());
                break;
            case 5 or 6: // the format's syntax in the wrong place
                input.InsertRange(at, Ascii(syntax[_random.Next(syntax.Count)]));
                break;
            case 7 or 8: // escapes, entities, nesting openers
                input.InsertRange(at, Ascii(Common[_random.Next(Common.Length)]));
                break;
            case 9: // invalid or unusual encodings
                input.InsertRange(at, Encodings[_random.Next(Encodings.Length)]);
                break;
            default: // random bytes
                input.InsertRange(at, RandomBytes(1 + _random.Next(32)));
                break;
        }
    }

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Ascii(string text) => Encoding.UTF8.GetBytes(text);
}
