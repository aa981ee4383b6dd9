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
        // The records are read as the ingest takes them (an archive of gigabytes appended since the last look is never
        // held whole); the end of the last complete record read is remembered once they are stored.
        var end = offset;
        return Task.FromResult(new SourceBatch(Appended(offset, e => end = e), remembered =>
        {
            if (end > offset) remembered.Warcs[Name] = end;
        }));
    }

    /// <summary>The records appended after <paramref name="offset"/>, reporting each one's end; a file that cannot be read further ends them with one problem.</summary>
    private IEnumerable<InputItem> Appended(long offset, Action<long> readTo)
    {
        // An iterator: the file is opened at the first MoveNext, inside the guard below.
        using (var records = reader.ReadAppended(Name, offset, IngestHints.None).GetEnumerator())
        {
            while (true)
            {
                BadInput? failure = null;
                try
                {
                    if (!records.MoveNext()) yield break;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    failure = new BadInput(Name, $"cannot be read further ({ex.Message}); the records before it were kept; the rest is read again at the next look");
                }
                if (failure is not null)
                {
                    yield return failure;
                    yield break;
                }
                var (item, recordEnd) = records.Current;
                readTo(recordEnd);
                if (item is not null) yield return item;
            }
        }
    }
}
