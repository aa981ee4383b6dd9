using System.Diagnostics;
using System.Globalization;
using Crosscheck.Queue.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace Crosscheck.Cli.Tests.Queue;

/// <summary>
/// Queue throughput with one and two workers, for docs/BENCHMARKS.md. Runs only when
/// CROSSCHECK_QUEUE_BENCH names the number of articles (e.g. 300): each configuration three
/// times on a fresh stream and schema; prints medians and each worker's own time split.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class ThroughputBenchmark(ITestOutputHelper output)
{
    private const string Variable = "CROSSCHECK_QUEUE_BENCH";

    [LongRunFact(Variable, "The queue throughput benchmark")]
    public async Task Articles_per_second_with_one_and_two_workers()
    {
        var articles = int.Parse(Environment.GetEnvironmentVariable(Variable)!, CultureInfo.InvariantCulture);
        (int Workers, int Threads)[] configurations = [(1, 1), (1, 2), (2, 1)];
        foreach (var (workers, threads) in configurations)
        {
            var totals = new List<double>();
            var steady = new List<double>();
            for (var run = 0; run < 3; run++)
            {
                await using var scenario = new QueueScenario(articles);
                scenario.Enqueue();
                var n = scenario.Expected;
                if (run == 0 && workers == 1 && threads == 1) output.WriteLine(scenario.Corpus.Description);
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < workers; i++) scenario.StartWorker(threads, batch: 16);
                scenario.WaitForArticles(n / 10, TimeSpan.FromMinutes(20));
                var tenth = clock.Elapsed;
                scenario.WaitForArticles(n * 9 / 10, TimeSpan.FromMinutes(20));
                var ninth = clock.Elapsed;
                await scenario.WaitUntilDoneAsync(TimeSpan.FromMinutes(20));
                var done = clock.Elapsed;
                scenario.StopWorkers();
                totals.Add(n / done.TotalSeconds);
                steady.Add((n * 9 / 10 - n / 10) / (ninth - tenth).TotalSeconds);
                output.WriteLine($"{workers} worker(s) x {threads} thread(s), run {run + 1}: {n} articles, all stored and stories assigned in {done.TotalSeconds:F1} s " +
                    $"({totals[^1]:F1}/s), 10%->90% at {steady[^1]:F1}/s; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
                foreach (var line in scenario.WorkerOutput().Split('\n').Where(l => l.Contains("stopped:", StringComparison.Ordinal)))
                    output.WriteLine("    " + line.Trim());
            }
            output.WriteLine($"MEDIAN {workers} worker(s) x {threads} thread(s): {Median(totals):F1} articles/s overall, {Median(steady):F1} articles/s 10%->90%");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
