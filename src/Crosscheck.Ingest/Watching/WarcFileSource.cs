using Crosscheck.Core.Model;
using Crosscheck.Ingest.Inputs;
using Crosscheck.Ingest.Inputs.Warc;

namespace Crosscheck.Ingest.Watching;

/// <summary>
/// An uncompressed WARC file a crawler keeps appending to: each look reads the records added since
/// the last complete one (its end offset is remembered), and leaves a record still being written
/// for the next look. A file that shrank was replaced, and is read again from its start.
/// </summary>
internal sealed class WarcFileSource(string path, WarcReader reader, WatchOptions options) : WatchSource(path)
{
    public override Task<SourceBatch> PollAsync(WatchState state, TextWriter log, CancellationToken stop)
    {
        NextDue = DateTimeOffset.UtcNow + options.ScanInterval;
        long length;
        try
        {
            length = new FileInfo(Name).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"error: {Name}: cannot be read ({ex.Message})");
            return Task.FromResult(SourceBatch.Nothing);
        }
        var offset = state.Warcs.GetValueOrDefault(Name);
        if (length < offset)
        {
            log.WriteLine($"{Name}: is shorter than the {offset:N0} bytes read before, so it was replaced; reading it from the start");
            offset = 0;
        }
        if (length == offset) return Task.FromResult(SourceBatch.Nothing);
        var items = new List<InputItem>();
        var end = offset;
        foreach (var (item, recordEnd) in reader.ReadAppended(Name, offset, IngestHints.None))
        {
            if (item is not null) items.Add(item);
            end = recordEnd;
        }
        if (end == offset) return Task.FromResult(SourceBatch.Nothing);
        return Task.FromResult(new SourceBatch(items, remembered => remembered.Warcs[Name] = end));
    }
}
