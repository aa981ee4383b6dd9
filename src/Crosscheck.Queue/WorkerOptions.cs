namespace Crosscheck.Queue;

/// <summary>How a worker pulls and processes; every default is here, in one place.</summary>
public sealed record WorkerOptions
{
    /// <summary>Articles pulled, processed and written (in one transaction) together.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Articles of a batch processed at once; extraction and annotation are CPU-bound.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// How long a message may stay unacknowledged before JetStream hands it to another worker. A
    /// worker signals progress on long batches, so this only bounds how late a dead worker's
    /// articles are picked up again.
    /// </summary>
    public TimeSpan AckWait { get; init; } = WorkQueue.DefaultAckWait;

    /// <summary>How long one pull waits for a message when the queue is empty.</summary>
    public TimeSpan IdleWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>When an article cannot be stored or processed, how long until it is offered again.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Stories are placed when the queue runs dry and no other worker holds unacknowledged articles, so that a run is placed
    /// in as few batches as its arrival allows (where a batch ends changes stories; see <see cref="QueueWorker"/>). This many
    /// stored articles waiting for stories are placed even so: a queue that never runs dry still gets its stories.
    /// </summary>
    public int PlaceAtMost { get; init; } = 2000;

    /// <summary>... and so are the waiting articles once no article has been stored for this long (another worker's work may be stuck in retries).</summary>
    public TimeSpan PlaceAfterStall { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a running worker prints its counts.</summary>
    public TimeSpan ReportEvery { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>What a worker did, for its summary line.</summary>
public sealed class WorkerCounts
{
    /// <summary>Articles extracted, annotated and stored.</summary>
    public int Processed { get; set; }

    /// <summary>Messages whose article was already stored (a redelivery after a crash or a lost acknowledgement).</summary>
    public int AlreadyStored { get; set; }

    /// <summary>Messages handed back for a later retry (processing or storing failed).</summary>
    public int Retried { get; set; }

    /// <summary>Messages dropped because they name no raw input of this store.</summary>
    public int Dropped { get; set; }

    public int Assignments { get; set; }

    /// <summary>Wall time spent extracting and annotating.</summary>
    public TimeSpan Processing { get; set; }

    /// <summary>Wall time spent on the store: look-ups, writes and story assignments.</summary>
    public TimeSpan Storing { get; set; }

    /// <summary>Wall time spent pulling (including waiting on an empty queue) and acknowledging.</summary>
    public TimeSpan Queueing { get; set; }

    /// <summary>Where the time went, for the summary line: the largest share names the bottleneck.</summary>
    public string TimeShares()
    {
        var total = Processing + Storing + Queueing;
        if (total <= TimeSpan.Zero) return "no time measured";
        string Share(TimeSpan part) => $"{part.TotalSeconds:F1} s ({100 * part / total:F0}%)";
        return $"processing {Share(Processing)}, store {Share(Storing)}, queue {Share(Queueing)}";
    }
}
