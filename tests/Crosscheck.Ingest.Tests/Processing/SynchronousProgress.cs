using Crosscheck.Ingest.Processing;

namespace Crosscheck.Ingest.Tests.Processing;

/// <summary>Progress reported on the caller's thread, at once (Progress&lt;T&gt; posts to the thread pool), so a test can act between two inputs read.</summary>
internal sealed class SynchronousProgress(Action<IngestProgress> report) : IProgress<IngestProgress>
{
    public void Report(IngestProgress value) => report(value);
}
