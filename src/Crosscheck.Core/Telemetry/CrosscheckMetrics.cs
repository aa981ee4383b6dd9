using System.Diagnostics.Metrics;

namespace Crosscheck.Core.Telemetry;

/// <summary>
/// The engine's own metrics, for the people who run it (OpenTelemetry instruments on the
/// <see cref="MeterName"/> meter; <c>serve --metrics</c>, <c>worker --metrics-port</c> and
/// <c>watch --metrics-port</c> export them in Prometheus form at <c>/metrics</c>). The instruments
/// cost next to nothing while no listener is attached, so the stages record unconditionally.
/// Names follow OpenTelemetry's conventions; the Prometheus exporter turns
/// <c>crosscheck.articles.ingested</c> into <c>crosscheck_articles_ingested_total</c>, and so on.
/// </summary>
public static class CrosscheckMetrics
{
    public const string MeterName = "Crosscheck";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Articles stored with their layers (by ingest, the API, watch or a worker); not counting content already stored.</summary>
    public static readonly Counter<long> ArticlesIngested = Meter.CreateCounter<long>(
        "crosscheck.articles.ingested", "{article}", "Articles extracted, annotated and stored");

    /// <summary>Inputs that could not become articles: bad files, records or feed items, and queued articles a worker failed to process or dropped.</summary>
    public static readonly Counter<long> ArticlesFailed = Meter.CreateCounter<long>(
        "crosscheck.articles.failed", "{article}", "Inputs that could not be ingested (bad input, failed processing)");

    /// <summary>Time to place the stored articles into stories (one assignment run).</summary>
    public static readonly Histogram<double> StoryPlacement = Meter.CreateHistogram<double>(
        "crosscheck.story.placement.duration", "s", "Time to assign the stored articles to stories, per assignment run",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] });

    private static long _queueLag = -1;

    /// <summary>
    /// Articles queued for workers and not yet acknowledged (waiting plus being processed), as last
    /// measured by a worker; absent until one has measured it.
    /// </summary>
    public static readonly ObservableGauge<long> QueueLag = Meter.CreateObservableGauge(
        "crosscheck.queue.lag", ObserveQueueLag, "{article}", "Queued articles not yet processed (waiting plus unacknowledged), as last measured");

    /// <summary>Records the queue's backlog for <see cref="QueueLag"/>.</summary>
    public static void ReportQueueLag(long articles) => Interlocked.Exchange(ref _queueLag, Math.Max(0, articles));

    private static IEnumerable<Measurement<long>> ObserveQueueLag()
    {
        var lag = Interlocked.Read(ref _queueLag);
        return lag < 0 ? [] : [new Measurement<long>(lag)];
    }
}
