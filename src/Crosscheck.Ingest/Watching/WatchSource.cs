using Crosscheck.Ingest.Inputs;

namespace Crosscheck.Ingest.Watching;

/// <summary>
/// What one source gave in a poll: the inputs to ingest, and what the watch state must remember
/// once they are stored (applied only after the ingest succeeds, so a failed or interrupted ingest
/// is tried again rather than forgotten). <see cref="Items"/> may be lazy (the files of a directory, the records
/// appended to a WARC file): they are read as the ingest takes them, a batch at a time, so a 3 GB archive dropped
/// into a watched directory costs what `crosscheck ingest` of it costs, not 3 GB held before the ingest starts.
/// <see cref="Remember"/> is called only after <see cref="Items"/> was read to its end.
/// </summary>
internal sealed record SourceBatch(IEnumerable<InputItem> Items, Action<WatchState> Remember)
{
    public static SourceBatch Nothing { get; } = new([], _ => { });
}

/// <summary>A directory, feed or growing WARC file, looked at when it is due.</summary>
internal abstract class WatchSource(string name)
{
    public string Name { get; } = name;

    /// <summary>When this source should be looked at next.</summary>
    public DateTimeOffset NextDue { get; protected set; } = DateTimeOffset.MinValue;

    /// <summary>Looks at the source once; problems of the source itself are logged, one line each, and give nothing.</summary>
    public abstract Task<SourceBatch> PollAsync(WatchState state, TextWriter log, CancellationToken stop);
}
