using System.Text;
using Crosscheck.Stories.Fingerprints;

namespace Crosscheck.Stories.Clustering;

/// <summary>
/// What the clusterer's two detectors hold of one placed article's text, as stored (<c>story_state_texts</c>) so their windows
/// outlive a save: the template-page detector's word hashes and content flags (its shingles follow from the words), and the
/// syndication detector's entry (clock, band keys, copy link, shingles: left out when they are the template entry's own, as
/// for every text of up to 5,000 words). Version byte first; little-endian.
/// </summary>
internal static class RecentText
{
    private const byte Version = 1;
    private const byte HasTemplate = 1, HasSyndication = 2, SameShingles = 4;

    public static byte[] Serialize(TemplatePageDetector.Entry? template, SyndicationDetector.Entry? syndication)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            var same = template is not null && syndication is not null
                && (ReferenceEquals(template.Set, syndication.Shingles) || template.Set.AsSpan().SequenceEqual(syndication.Shingles));
            writer.Write(Version);
            writer.Write((byte)((template is null ? 0 : HasTemplate) | (syndication is null ? 0 : HasSyndication) | (same ? SameShingles : 0)));
            if (template is not null)
            {
                writer.Write(template.Words.Length);
                foreach (var word in template.Words) writer.Write(word);
                var flags = new byte[(template.Content.Length + 7) / 8];
                for (var i = 0; i < template.Content.Length; i++)
                    if (template.Content[i]) flags[i / 8] |= (byte)(1 << (i % 8));
                writer.Write(flags);
            }
            if (syndication is not null)
            {
                writer.Write(syndication.Arrival);
                writer.Write(syndication.RootArrival);
                writer.Write(syndication.RootId);
                Write(writer, syndication.Keys);
                if (!same) Write(writer, syndication.Shingles);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The entries <see cref="Serialize"/> wrote; the syndication entry under <paramref name="articleId"/>.</summary>
    public static (TemplatePageDetector.Entry? Template, SyndicationDetector.Entry? Syndication) Deserialize(string articleId, byte[] data)
    {
        using var reader = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
        if (reader.ReadByte() != Version) throw new InvalidDataException("The stored recent text was written by another version.");
        var parts = reader.ReadByte();
        TemplatePageDetector.Entry? template = null;
        if ((parts & HasTemplate) != 0)
        {
            var words = new ulong[reader.ReadInt32()];
            for (var i = 0; i < words.Length; i++) words[i] = reader.ReadUInt64();
            var flags = reader.ReadBytes((words.Length + 7) / 8);
            var content = new bool[words.Length];
            for (var i = 0; i < content.Length; i++) content[i] = (flags[i / 8] & (1 << (i % 8))) != 0;
            template = TemplatePageDetector.Entry.Of(words, content);
        }
        SyndicationDetector.Entry? syndication = null;
        if ((parts & HasSyndication) != 0)
        {
            var arrival = reader.ReadInt64();
            var rootArrival = reader.ReadInt64();
            var rootId = reader.ReadString();
            var keys = Read(reader);
            var shingles = (parts & SameShingles) != 0 && template is not null ? template.Set : Read(reader);
            syndication = new SyndicationDetector.Entry(articleId, arrival, shingles, keys, rootId, rootArrival);
        }
        return (template, syndication);
    }

    private static void Write(BinaryWriter writer, ulong[] values)
    {
        writer.Write(values.Length);
        foreach (var value in values) writer.Write(value);
    }

    private static ulong[] Read(BinaryReader reader)
    {
        var values = new ulong[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++) values[i] = reader.ReadUInt64();
        return values;
    }
}
