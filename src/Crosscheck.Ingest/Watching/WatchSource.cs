using Crosscheck.Ingest.Inputs;

namespace Crosscheck.Ingest.Watching;

/// <summary>
/// What one source gave in a poll: the inputs to ingest, and what the watch state must remember
/// once they are stored (applied only after the ingest succeeds, so a failed or interrupted ingest
/// is tried again rather than forgotten).
/// </summary>
internal sealed record SourceBatch(IReadOnlyList<InputItem> Items, Action<WatchState> Remember)
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
