using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Similarity;
using Crosscheck.Storage;

namespace Crosscheck.Cli.Commands;

/// <summary>`eval similarity`: ingest a rated-pair corpus into a fresh store (or a given one) and score its stories on the pairs.</summary>
public static class SimilarityEval
{
    public static int Run(string directory, string? database, TextWriter output)
    {
        var evaluation = SimilarityEvaluator.Evaluate(EvalCommand.RequireDirectory(directory), articles =>
        {
            var temp = database is null ? TempStore.Create() : null;
            try
            {
                using var store = Engine.OpenStore(database ?? temp!.DatabasePath);
                var report = Engine.Ingest(store).Ingest([articles], IngestHints.None);
                foreach (var error in report.Errors) output.WriteLine($"error: {error}");
                return StoriesByKey(store);
            }
            finally
            {
                temp?.Dispose();
            }
        });
        Write(evaluation, output);
        return ExitCodes.Ok;
    }

    /// <summary>Each stored article's story (its own id when it is in none), by the key its url gives.</summary>
    private static Dictionary<string, string> StoriesByKey(IStore store)
    {
        var storyOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var story in store.GetStories())
            foreach (var id in story.ArticleIds) storyOf[id] = story.Id;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var article in store.AllArticles())
        {
            if (article.Url is not { } url) continue;
            result[SimilarityEvaluator.KeyOf(url)] = storyOf.GetValueOrDefault(article.Id, article.Id);
        }
        return result;
    }

    public static void Write(SimilarityEvaluation evaluation, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"similarity: {evaluation.Articles} articles in {evaluation.Stories} stories ({evaluation.Seconds:F1} s); {evaluation.LeftOut} pairs left out (1.5 < Overall < 2.5)"));
        output.WriteLine("pairs                        n   gold  pred    P      R      F1");
        foreach (var group in evaluation.Groups) Line(output, group);
        output.WriteLine("per language pair (all judged pairs)");
        foreach (var group in evaluation.PerLanguagePair) Line(output, group);
    }

    private static void Line(TextWriter output, PairScores s) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {s.Label,-24} {s.Pairs,4} {s.Gold,5} {s.Predicted,5}  {s.Precision,5:0.000}  {s.Recall,5:0.000}  {s.F1,5:0.000}"));
}
