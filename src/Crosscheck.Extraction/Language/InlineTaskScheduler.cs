namespace Crosscheck.Extraction.Language;

/// <summary>
/// Runs every task on the thread that starts it, one at a time. Parallel loops started inside such
/// a task see a concurrency level of one and run on the calling thread. Lingua parallelises each
/// detection over the candidate languages; documents already run in parallel one per thread, so
/// that inner parallelism only adds thread hand-offs (it cost as much CPU as the detection itself).
/// </summary>
internal sealed class InlineTaskScheduler : TaskScheduler
{
    public static readonly InlineTaskScheduler Instance = new();

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Runs <paramref name="work"/> on this thread with this scheduler as the current one.</summary>
    public static T Run<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.None, Instance).GetAwaiter().GetResult();

    protected override void QueueTask(Task task) => TryExecuteTask(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [];
}
