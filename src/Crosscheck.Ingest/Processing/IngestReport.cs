using Crosscheck.Ingest.Inputs;

namespace Crosscheck.Ingest.Processing;

/// <summary>What an ingest did: counts for the summary line and every problem, one per input.</summary>
public sealed class IngestReport
{
    /// <summary>Articles extracted, annotated and stored by this run.</summary>
    public int Added { get; set; }

    /// <summary>Raw inputs new to the store.</summary>
    public int Stored { get; set; }

    /// <summary>Raw inputs handed to the work queue for workers to process (see <see cref="IngestService.Enqueue"/>).</summary>
    public int Queued { get; set; }

    /// <summary>Inputs whose content was already stored (re-ingest is a no-op).</summary>
    public int AlreadyStored { get; set; }

    /// <summary>
    /// Raw inputs stored by an earlier run that stopped before their articles were saved, processed
    /// by this one (counted in <see cref="Added"/> too).
    /// </summary>
    public int Resumed { get; set; }

    public List<BadInput> Errors { get; } = [];

    public List<SkippedInput> Skipped { get; } = [];

    /// <summary>Articles stored but with an empty body (extraction found nothing to keep).</summary>
    public List<string> EmptyArticles { get; } = [];

    public int Stories { get; set; }

    /// <summary>Outlets (lower-case; "" for none) of the articles added, whose recurring paragraphs are judged again.</summary>
    public HashSet<string> Outlets { get; } = new(StringComparer.Ordinal);

    /// <summary>Articles rewritten by the recurring-boilerplate pass, and the paragraphs they lost.</summary>
    public int RecurringArticles { get; set; }

    public int RecurringParagraphs { get; set; }

    public bool HasErrors => Errors.Count > 0;

    /// <summary>Where the run's time went, phase by phase.</summary>
    public IngestTimings Timings { get; } = new();
}

/// <summary>Progress of a long ingest, reported after every input.</summary>
public readonly record struct IngestProgress(int Done, int? Total, string Current, string Phase);

/// <summary>
/// Wall time of each phase of an ingest, as the thread running it saw it: where a run's time went, and how much of it
/// was single-threaded work (storing inputs, writing documents, the recurring-boilerplate decision, placing articles in
/// stories) rather than the parallel extraction and annotation of a batch (<see cref="Process"/>). Where the system
/// tells (Linux), also the CPU time of the ingest's own thread in each phase: on a busy machine, where wall time
/// stretches with everything else running, that is the serial work itself.
/// </summary>
public sealed class IngestTimings
{
    /// <summary>Reading inputs and storing the raw bytes (one thread).</summary>
    public const string Store = "store";

    /// <summary>Waiting for a batch's extraction and annotation (parallel over the cores).</summary>
    public const string Process = "process";

    /// <summary>Writing a batch's documents (one thread).</summary>
    public const string Write = "write";

    /// <summary>The recurring-boilerplate pass (its decisions on one thread; re-annotation in parallel).</summary>
    public const string Boilerplate = "boilerplate";

    /// <summary>Placing the new articles in stories and writing the story state (one thread).</summary>
    public const string Place = "place";

    private readonly Dictionary<string, TimeSpan> _phases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TimeSpan> _threadCpu = new(StringComparer.Ordinal);

    /// <summary>Time per phase, by the names above.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Phases => _phases;

    /// <summary>CPU time of the ingest's thread per phase (empty where the system does not tell).</summary>
    public IReadOnlyDictionary<string, TimeSpan> ThreadCpu => _threadCpu;

    /// <summary>Every phase together: the run's wall time less what lies outside the phases (opening the store, the report).</summary>
    public TimeSpan Total => Sum(_phases);

    /// <summary>The ingest's thread's CPU time over every phase.</summary>
    public TimeSpan ThreadCpuTotal => Sum(_threadCpu);

    /// <summary>The phases that run on one thread: what a second core cannot shorten.</summary>
    public TimeSpan Serial => Total - _phases.GetValueOrDefault(Process);

    /// <summary>Where a phase starts: the clock and the thread's CPU time.</summary>
    public readonly record struct Mark(long Timestamp, TimeSpan? ThreadCpu);

    public static Mark Start() => new(System.Diagnostics.Stopwatch.GetTimestamp(), CurrentThreadCpu());

    /// <summary>Adds the time since <paramref name="started"/> (taken on this thread) to a phase, less what nested phases counted already.</summary>
    public void Add(string phase, Mark started, TimeSpan nestedWall = default, TimeSpan nestedCpu = default)
    {
        _phases[phase] = _phases.GetValueOrDefault(phase) + System.Diagnostics.Stopwatch.GetElapsedTime(started.Timestamp) - nestedWall;
        if (started.ThreadCpu is { } before && CurrentThreadCpu() is { } now) _threadCpu[phase] = _threadCpu.GetValueOrDefault(phase) + (now - before) - nestedCpu;
    }

    private static TimeSpan Sum(Dictionary<string, TimeSpan> times) => times.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);

    /// <summary>The calling thread's time on a CPU (Linux: the first field of /proc/thread-self/schedstat, in ns); null elsewhere.</summary>
    private static TimeSpan? CurrentThreadCpu()
    {
        try
        {
            var text = File.ReadAllText("/proc/thread-self/schedstat");
            var end = text.IndexOf(' ', StringComparison.Ordinal);
            return long.TryParse(end < 0 ? text : text[..end], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ns)
                ? TimeSpan.FromTicks(ns / 100) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
