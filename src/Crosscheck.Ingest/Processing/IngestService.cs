using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Core.Telemetry;
using Crosscheck.Extraction.Boilerplate;
using Crosscheck.Ingest.Inputs;
using Crosscheck.Storage;

namespace Crosscheck.Ingest.Processing;

/// <summary>
/// Runs the flow of docs/ARCHITECTURE.md over inputs: store the raw bytes first, then extract and annotate
/// (in parallel; stages are stateless), then assign stories. Derived data can always be rebuilt
/// from the raw inputs with <see cref="Reprocess"/>.
/// </summary>
/// <remarks>
/// With a <see cref="RecurringLineFilter"/>, a corpus-level pass runs after extraction: paragraphs
/// recurring across unrelated articles of an outlet are removed (see <see cref="RecurringBoilerplatePass"/>)
/// before stories are assigned.
/// </remarks>
/// <remarks>
/// With a <see cref="StoredClustererFactory"/>, new articles are placed in stories from the story state kept
/// in the store: each write reads what its own articles need and changes only their stories, never
/// replaying the stored ones (a store with articles and no story state is brought up to date by one replay).
/// Without one, every assignment replays all stored documents through <paramref name="newClusterer"/>.
/// </remarks>
public sealed class IngestService(
    IStore store, ArticleProcessor processor, Func<IStoryClusterer> newClusterer, InputReader? reader = null, RecurringLineFilter? recurring = null,
    StoredClustererFactory? storedClusterer = null)
{
    /// <summary>How many new inputs are extracted and annotated together before their results are written.</summary>
    private const int BatchSize = 32;

    /// <summary>How many documents are prepared together for placement (decoded, features taken) while the run before them is placed.</summary>
    private const int PreparedAhead = 64;

    private readonly InputReader _reader = reader ?? new InputReader();
    private readonly RecurringBoilerplatePass? _recurring = recurring is null ? null : new RecurringBoilerplatePass(store, processor, recurring);

    /// <summary>
    /// The clusterer over the store's story state, kept between writes so a long-running process does
    /// not read again what it already holds; dropped when another process changed the state meanwhile.
    /// </summary>
    private IStoredStoryClusterer? _placer;

    /// <summary>The reader (and so the input limits) this service checks inputs with.</summary>
    public InputReader Reader => _reader;

    /// <summary>
    /// Whether pages of every type join stories. By default only articles and forum threads do (see
    /// <see cref="PageTypeInfo.FormsStories"/>): listings, product, service and documentation pages are stored and
    /// searchable but report no event. The choice holds for the story assignments this service runs.
    /// </summary>
    public bool StoriesFromAllPages { get; init; }

    public IngestReport Ingest(IEnumerable<string> paths, IngestHints hints, IProgress<IngestProgress>? progress = null, CancellationToken cancel = default) =>
        Ingest(_reader.Read(paths, hints), progress, cancel);

    /// <summary>
    /// Ingests inputs already read (by <see cref="InputReader"/>, e.g. from an HTTP request):
    /// bad and skipped items are reported, raw inputs stored, processed and assigned to stories.
    /// Work an earlier run left undone when it was killed is finished too, so running the same
    /// command again completes it: stored inputs without an article are processed, and stories
    /// that do not cover every article are assigned again.
    /// </summary>
    public IngestReport Ingest(IEnumerable<InputItem> items, IProgress<IngestProgress>? progress = null, CancellationToken cancel = default)
    {
        var report = new IngestReport();
        // Stories that do not cover every stored article mean a run stopped after saving articles
        // and before its corpus pass and story assignment finished (the mark is written with the
        // stories, in their transaction). Which outlets it touched is not known, so all are judged again.
        var interrupted = store.CountArticles() > 0 && StoriesAreStale();
        var timings = report.Timings;
        using (var pipeline = NewPipeline(report))
        {
            var storing = IngestTimings.Start();
            var (wallBefore, cpuBefore) = (timings.Total, timings.ThreadCpuTotal);
            StoreRawInputs(items, report, progress, resumeUnprocessed: false, pipeline.Submit, cancel);
            // The batches' own time was counted as they were waited for and written.
            timings.Add(IngestTimings.Store, storing, timings.Total - wallBefore, timings.ThreadCpuTotal - cpuBefore);
            // Every document of this run is written before leftovers are looked for: one still being processed would be taken for one.
            pipeline.Complete();
            ProcessLeftovers(pipeline, report, progress, cancel);
        }
        // Only outlets that gained articles can change their decision (after an interruption, any may).
        var boilerplate = IngestTimings.Start();
        if (interrupted) RemoveRecurring(report, outlets: null);
        else if (report.Added > 0) RemoveRecurring(report, report.Outlets);
        timings.Add(IngestTimings.Boilerplate, boilerplate);
        // Nothing new and the stories cover every article: they stand (read once; it loads them all).
        var placing = IngestTimings.Start();
        report.Stories = report.Added > 0 || StoriesAreStale() ? PlaceNewArticles(progress) : store.GetStories().Count;
        timings.Add(IngestTimings.Place, placing);
        CrosscheckMetrics.ArticlesIngested.Add(report.Added);
        CrosscheckMetrics.ArticlesFailed.Add(report.Errors.Count);
        return report;
    }

    /// <summary>
    /// Processes the raw inputs stored earlier that have no article: an ingest killed after storing
    /// inputs and before saving their articles leaves them, and they are skipped as already stored
    /// when read again. Raw inputs are stored before anything is derived from them, so this finds
    /// every one such a run left, whichever command stored it.
    /// </summary>
    private void ProcessLeftovers(BatchPipeline pipeline, IngestReport report, IProgress<IngestProgress>? progress, CancellationToken cancel)
    {
        foreach (var raw in store.RawWithoutDocument())
        {
            cancel.ThrowIfCancellationRequested();
            report.Resumed++;
            progress?.Report(new IngestProgress(report.Resumed, null, raw.Source, "resuming"));
            AddStoredToBatch(pipeline, raw, report);
        }
        pipeline.Complete();
    }

    /// <summary>
    /// Stores the raw inputs and hands each one that still needs processing to <paramref name="enqueue"/>
    /// (for workers to process) instead of processing it here: the new ones, and those stored
    /// earlier whose article is missing (an earlier enqueue that stopped half-way), so running the
    /// same command again completes it. Nothing is derived here; <see cref="IngestReport.Queued"/> counts the hand-overs.
    /// </summary>
    public IngestReport Enqueue(IEnumerable<string> paths, IngestHints hints, Action<RawInput> enqueue, IProgress<IngestProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(enqueue);
        var report = new IngestReport();
        StoreRawInputs(_reader.Read(paths, hints), report, progress, resumeUnprocessed: true, inputs =>
        {
            foreach (var raw in inputs)
            {
                enqueue(raw);
                report.Queued++;
            }
        }, cancel);
        return report;
    }

    /// <summary>
    /// Stores the raw inputs a batch at a time (<see cref="InputGroup"/>) and hands on (<paramref name="pending"/>) those of each
    /// batch that still need processing. A batch is stored in one transaction (<see cref="IStore.AddRaws"/>: a commit per input
    /// was most of what storing cost), before any of it is handed on: raw bytes are stored before anything is derived from them.
    /// </summary>
    private void StoreRawInputs(IEnumerable<InputItem> items, IngestReport report, IProgress<IngestProgress>? progress,
        bool resumeUnprocessed, Action<IReadOnlyList<RawInput>> pending, CancellationToken cancel)
    {
        var done = 0;
        var group = new InputGroup(_reader.Limits.MaxBatchBytes, inputs =>
        {
            var added = store.AddRaws(inputs);
            var needed = new List<RawInput>(inputs.Count);
            for (var i = 0; i < inputs.Count; i++)
            {
                if (added[i])
                {
                    report.Stored++;
                    needed.Add(inputs[i]);
                }
                else
                {
                    report.AlreadyStored++;
                    if (resumeUnprocessed && !store.HasDocument(inputs[i].Id)) needed.Add(inputs[i]);
                }
            }
            pending(needed);
        });
        foreach (var item in items)
        {
            cancel.ThrowIfCancellationRequested();
            switch (item)
            {
                case BadInput bad:
                    report.Errors.Add(bad);
                    break;
                case SkippedInput skipped:
                    report.Skipped.Add(skipped);
                    break;
                case RawItem { Raw: var raw }:
                    group.Add(raw);
                    break;
            }
            progress?.Report(new IngestProgress(++done, null, item.Source, "reading"));
        }
        group.Flush();
    }

    /// <summary>
    /// Inputs gathered to be handed on together (<paramref name="flush"/>), so memory stays bounded by a group: full in count
    /// (<see cref="BatchSize"/>), or in bytes (<see cref="InputLimits.MaxBatchBytes"/>) when the next input would take it over,
    /// since a count alone lets a group of large files hold them all at once. The bytes are kept as inputs are added.
    /// </summary>
    private sealed class InputGroup(long maxBytes, Action<List<RawInput>> flush)
    {
        private readonly List<RawInput> _inputs = new(BatchSize);
        private long _bytes;

        public void Add(RawInput raw)
        {
            if (_inputs.Count > 0 && _bytes + raw.Content.Length > maxBytes) Flush();
            _inputs.Add(raw);
            _bytes += raw.Content.Length;
            if (_inputs.Count >= BatchSize) Flush();
        }

        /// <summary>Hands on the inputs gathered, if any, and starts an empty group.</summary>
        public void Flush()
        {
            if (_inputs.Count == 0) return;
            flush(_inputs);
            _inputs.Clear();
            _bytes = 0;
        }
    }

    /// <summary>
    /// Rebuilds every article, layer and story from the stored raw inputs, as one transaction under
    /// the store's exclusive lock: readers keep seeing the old articles and stories until the new
    /// ones are complete and committed, and a run that is killed or cancelled leaves the old state
    /// as it was. Writers wait for the lock meanwhile (see docs/ARCHITECTURE.md, Ingest). Memory stays
    /// bounded by a batch: the raw inputs are streamed in pages and the store keeps the uncommitted
    /// rows (SQLite spills them to its write-ahead log, PostgreSQL writes them to its tables).
    /// </summary>
    public IngestReport Reprocess(IProgress<IngestProgress>? progress = null, CancellationToken cancel = default)
    {
        var report = new IngestReport();
        store.RunExclusive(() =>
        {
            store.ClearDerived();
            var total = store.CountRaw();
            var done = 0;
            using (var pipeline = NewPipeline(report))
            {
                foreach (var raw in store.AllRaw())
                {
                    cancel.ThrowIfCancellationRequested();
                    progress?.Report(new IngestProgress(++done, total, raw.Source, "reprocessing"));
                    AddStoredToBatch(pipeline, raw, report);
                }
                pipeline.Complete();
            }
            RemoveRecurring(report, outlets: null);
            report.Stories = AssignStories(progress);
        });
        return report;
    }

    private BatchPipeline NewPipeline(IngestReport report) => new(store, processor, report, _reader.Limits.MaxBatchBytes);

    /// <summary>
    /// <see cref="BatchPipeline.Add"/> for a raw input read back from the store, under the size limit a fresh input
    /// meets (<see cref="InputLimits.StoredProblem"/>): one larger is reported by its source and left as it is.
    /// </summary>
    private void AddStoredToBatch(BatchPipeline pipeline, RawInput raw, IngestReport report)
    {
        if (_reader.Limits.StoredProblem(raw) is { } problem) report.Errors.Add(new BadInput(raw.Source, problem));
        else pipeline.Add(raw);
    }

    /// <summary>
    /// Extracts, annotates and serialises (<see cref="SerializedDocument"/>) a batch on the thread pool while the ingest's own
    /// thread writes the batch before it (and reads and stores the next inputs): the store is written from one thread only, in
    /// input order, as before, but the cores no longer wait for the writes, and the writes only run their statements. At most
    /// two batches are in hand. Abandoned (an error, a cancellation), a batch being processed is never written: its raw inputs
    /// are stored without an article, and the next ingest processes them as leftovers.
    /// </summary>
    private sealed class BatchPipeline : IDisposable
    {
        private readonly IStore _store;
        private readonly ArticleProcessor _processor;
        private readonly IngestReport _report;
        private readonly InputGroup _batch;
        private Task<List<SerializedDocument>>? _inHand;

        public BatchPipeline(IStore store, ArticleProcessor processor, IngestReport report, long maxBatchBytes)
        {
            (_store, _processor, _report) = (store, processor, report);
            _batch = new InputGroup(maxBatchBytes, Submit);
        }

        /// <summary>Adds a raw input to the batch; a full batch (<see cref="InputGroup"/>) is handed on, so memory stays bounded by a batch (two in hand).</summary>
        public void Add(RawInput raw) => _batch.Add(raw);

        /// <summary>Starts processing a batch gathered elsewhere (bounded as <see cref="InputGroup"/> bounds one) and writes the one before it.</summary>
        public void Submit(IReadOnlyList<RawInput> batch)
        {
            if (batch.Count == 0) return;
            var inputs = batch.ToArray();
            var previous = _inHand;
            _inHand = Task.Run(() => inputs.AsParallel().AsOrdered().Select(raw => SerializedDocument.Of(_processor.Process(raw))).ToList());
            if (previous is not null) Write(previous);
        }

        /// <summary>Hands on the batch being filled, then waits for the batch in hand and writes it.</summary>
        public void Complete()
        {
            _batch.Flush();
            var previous = _inHand;
            _inHand = null;
            if (previous is not null) Write(previous);
        }

        private void Write(Task<List<SerializedDocument>> processing)
        {
            var waiting = IngestTimings.Start();
            var documents = processing.GetAwaiter().GetResult();
            _report.Timings.Add(IngestTimings.Process, waiting);
            var writing = IngestTimings.Start();
            // One transaction per batch: far fewer syncs than one per article, and a batch is all or nothing.
            _store.RunInTransaction(() =>
            {
                foreach (var document in documents) _store.SaveDocument(document);
            });
            _report.Timings.Add(IngestTimings.Write, writing);
            foreach (var document in documents.Select(serialized => serialized.Document))
            {
                _report.Added++;
                _report.Outlets.Add(RecurringBoilerplatePass.OutletKey(document.Article));
                if (string.IsNullOrWhiteSpace(document.Text)) _report.EmptyArticles.Add(document.Article.Source);
            }
        }

        /// <summary>A batch left in hand (the run failed or was cancelled) is let go; its failure, if any, is observed so it is not reported as unhandled.</summary>
        public void Dispose()
        {
            _inHand?.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            _inHand = null;
        }
    }

    private void RemoveRecurring(IngestReport report, IReadOnlySet<string>? outlets)
    {
        if (_recurring is null) return;
        (report.RecurringArticles, report.RecurringParagraphs) = _recurring.Run(outlets);
    }

    /// <summary>
    /// Rebuilds all stories by replaying every stored document through a fresh clusterer, in publication
    /// order (arrival order for undated articles), so the stories are the same whatever order files were
    /// ingested in; with stored story state, the state is rebuilt with them.
    /// </summary>
    public int AssignStories(IProgress<IngestProgress>? progress = null)
    {
        // Exclusive: two processes assigning at once would each replace the other's stories.
        var count = 0;
        store.RunExclusive(() => count = AssignStoriesExclusively(progress, store.CountArticles()));
        return count;
    }

    /// <summary>
    /// Assigns stories again when articles were stored since the last assignment (by any process
    /// sharing the store); returns whether it did. Cheap when nothing changed, so workers call it
    /// whenever their queue runs dry. When another process is assigning, it returns at once
    /// instead of waiting (a replay can take a minute): the caller carries on and checks again
    /// later, and finds the stories stale if articles came after that assignment's count. The
    /// check is repeated under the lock, so an assignment that just finished is not repeated.
    /// </summary>
    public bool AssignStoriesIfStale(IProgress<IngestProgress>? progress = null)
    {
        if (!StoriesAreStale()) return false;
        var assigned = false;
        store.TryRunExclusive(() =>
        {
            if (!StoriesAreStale()) return;
            // Counted before the boilerplate pass reads the corpus: an article another worker stores
            // during the pass was not judged with the others, and a mark taken after the pass would
            // cover it and so end the run with that decision missing.
            var assignedFrom = store.CountArticles();
            // Workers process articles one by one and never see the corpus; the corpus-level
            // boilerplate decision is taken here, once, by whichever process assigns stories, so a
            // queued run ends with the same bodies as a single-process ingest.
            _recurring?.Run();
            PlaceExclusively(progress, assignedFrom);
            assigned = true;
        });
        return assigned;
    }

    /// <summary>Whether articles were stored since the stories were last assigned (or stories were never assigned with a record of what they cover).</summary>
    public bool StoriesAreStale() => StoriesAreStale(store.StoriesAssignedFrom(), store.CountArticles());

    /// <summary>The same test on counts the caller has just read (a queue worker's poll reads them anyway).</summary>
    public static bool StoriesAreStale(int? assignedFrom, int stored) => assignedFrom != stored;

    /// <param name="progress">Told how many documents have been placed.</param>
    /// <param name="assignedFrom">
    /// The article count taken before anything was read: an article stored meanwhile may or may not
    /// be read, and a count below the final one only causes one more assignment, never a stale one
    /// taken as current.
    /// </param>
    private int AssignStoriesExclusively(IProgress<IngestProgress>? progress, int assignedFrom)
    {
        var started = Stopwatch.GetTimestamp();
        _placer = null;
        // Read here, decoded on the thread pool as they are placed (see Place).
        var documents = store.AllStoredDocuments().ToList();
        if (storedClusterer is null)
        {
            var clusterer = newClusterer();
            Place(clusterer, documents, progress);
            store.ReplaceStories(clusterer.Stories, clusterer.Redirects, assignedFrom);
            CrosscheckMetrics.StoryPlacement.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            return clusterer.Stories.Count;
        }
        // The same replay, written as story state (replacing what was stored) so later writes continue from it.
        var rebuilding = storedClusterer(store, rebuild: true);
        Place(rebuilding, documents, progress);
        rebuilding.Save(assignedFrom);
        CrosscheckMetrics.StoryPlacement.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return rebuilding.StoryCount;
    }

    /// <summary>
    /// Places the stored articles the story state has not seen (the new ones, and any a killed run
    /// saved without placing), reading only them and what they need. Exclusive: two processes placing
    /// at once would each build on a state the other is changing. Without stored story state it replays.
    /// </summary>
    public int PlaceNewArticles(IProgress<IngestProgress>? progress = null)
    {
        var count = 0;
        store.RunExclusive(() => count = PlaceExclusively(progress, store.CountArticles()));
        return count;
    }

    private int PlaceExclusively(IProgress<IngestProgress>? progress, int assignedFrom)
    {
        // No stored state yet (a new store, or one clustered before the state was kept): built once by a replay.
        if (storedClusterer is null || store.LoadStoryStateHeader() is null) return AssignStoriesExclusively(progress, assignedFrom);
        var started = Stopwatch.GetTimestamp();
        if (_placer is null || !_placer.IsCurrent()) _placer = storedClusterer(store, rebuild: false);
        var placer = _placer;
        var documents = store.ArticlesWithoutStoryState().Select(store.GetDocument).OfType<Document>().Select(StoredDocument.Of).ToList();
        try
        {
            Place(placer, documents, progress);
            placer.Save(assignedFrom);
        }
        catch
        {
            // Its cache may now be ahead of the store (the transaction rolls back): read afresh next time.
            _placer = null;
            throw;
        }
        CrosscheckMetrics.StoryPlacement.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return placer.StoryCount;
    }

    /// <summary>Whether an article joins a story: it has text, and its page type forms stories (or every type does).</summary>
    private bool JoinsStories(Article article) =>
        !string.IsNullOrWhiteSpace(article.Body) && (StoriesFromAllPages || article.PageType.FormsStories());

    /// <summary>
    /// Assigns documents in publication order (arrival order for undated ones and ties), so a replay
    /// gives the same stories whatever order files were ingested in; empty ones, and pages of a type that
    /// forms no stories, join none. What each document alone gives the clusterer (its layers decoded, its features,
    /// its text's fingerprint: <see cref="IStoryClusterer.Prepare"/>) is prepared on the thread pool, a run of
    /// <see cref="PreparedAhead"/> documents ahead of the assignment, which alone depends on the order and takes the
    /// documents one by one on this thread. At most two runs are prepared and in hand.
    /// </summary>
    private void Place(IStoryClusterer clusterer, List<StoredDocument> documents, IProgress<IngestProgress>? progress)
    {
        var ordered = documents
            .Select((document, arrival) => (document, arrival))
            .OrderBy(x => x.document.Article.Published?.Value ?? DateTimeOffset.MaxValue)
            .ThenBy(x => x.arrival)
            .Select(x => x.document)
            .ToList();
        var runs = ordered.Chunk(PreparedAhead).ToList();
        Task<List<PreparedDocument?>> Prepare(StoredDocument[] run) => Task.Run(() => run.AsParallel().AsOrdered()
            .Select(document => JoinsStories(document.Article) ? clusterer.Prepare(document.Decode()) : null)
            .ToList());
        var next = runs.Count > 0 ? Prepare(runs[0]) : null;
        var done = 0;
        try
        {
            for (var r = 0; r < runs.Count; r++)
            {
                var prepared = next!.GetAwaiter().GetResult();
                next = r + 1 < runs.Count ? Prepare(runs[r + 1]) : null;
                for (var i = 0; i < prepared.Count; i++)
                {
                    if (prepared[i] is not { } ready)
                    {
                        (clusterer as IStoredStoryClusterer)?.Skip(runs[r][i].Article.Id);
                        continue;
                    }
                    clusterer.Assign(ready);
                    progress?.Report(new IngestProgress(++done, ordered.Count, runs[r][i].Article.Source, "clustering"));
                }
            }
        }
        catch (AggregateException parallel) when (parallel.Flatten().InnerExceptions is [var only])
        {
            // A document that cannot be decoded or prepared fails the placement as it would on this thread (a StoreException says what to do).
            ExceptionDispatchInfo.Throw(only);
        }
        finally
        {
            // A run still being prepared when the placement failed is let go; its failure, if any, is observed.
            next?.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        clusterer.Settle();
    }
}

/// <summary>Opens a story clusterer over a store's story state; with <paramref name="rebuild"/>, one that starts from nothing and replaces the stored state on save.</summary>
public delegate IStoredStoryClusterer StoredClustererFactory(IStoryStateStore store, bool rebuild);
