using System.Globalization;
using Crosscheck.Annotation.Quotes;
using Crosscheck.Evaluation;
using Crosscheck.Evaluation.Quotes;
using Crosscheck.Evaluation.Clustering;
using Crosscheck.Evaluation.Entities;
using Crosscheck.Core.Model;
using Crosscheck.Evaluation.Extraction;
using Crosscheck.Evaluation.Quantities;

namespace Crosscheck.Cli.Commands;

/// <summary>
/// The text `crosscheck eval ...` prints for each evaluation's figures. docs/BENCHMARKS.md quotes these lines,
/// so their shape is kept stable.
/// </summary>
public static class EvalReports
{
    public static void Write(ExtractionEvaluation evaluation, TextWriter output)
    {
        Write(evaluation.Ours, output);
        Write(evaluation.Baseline, output);
        WriteWords(evaluation.Ours, evaluation.Baseline, output);
        output.WriteLine("page types found: " + string.Join(", ", evaluation.PageTypesFound.Where(t => t.Value > 0).Select(t => $"{t.Key.Name()} {t.Value}")));
        if (evaluation.PageTypesHeldOut is { } heldOut)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"page types held out, as the shipped model's trainer measured them ({heldOut.How}): type accuracy {heldOut.TypeAccuracy:F3}, article vs not {heldOut.ArticleAccuracy:F4} ({heldOut.Pages} pages)"));
        if (evaluation.PageTypes is { } types)
            foreach (var line in types.Describe(evaluation.PageTypesOutOfFold
                         ? "page types against the meta.json labels, each page typed by a model fitted without its site (held out)"
                         : "page types against the meta.json labels, shipped model (in-sample on the pages it was fitted on, WCXB dev: not a held-out figure)"))
                output.WriteLine(line);
    }

    /// <summary>The WCXB metric beside the shingle one: word F1 overall and per page type, snippets found, empty outputs.</summary>
    private static void WriteWords(ExtractorScores ours, ExtractorScores baseline, TextWriter output)
    {
        output.WriteLine("word F1 (lowercased \\w+ tokens, multiset overlap; P/R/F1 per page averaged over pages)");
        output.WriteLine($"  {"pages",-15} {"",5}  {ours.Name + " F1",-14} {"P",-6} {"R",-6}  {baseline.Name + " F1",-15} {"P",-6} {"R",-6}");
        WordLine(output, "all", ours.Words, baseline.Words);
        foreach (var type in ours.WordsByType)
        {
            var theirs = baseline.WordsByType.FirstOrDefault(t => t.PageType == type.PageType)?.Scores ?? new WordScores(0, 0, 0, 0);
            WordLine(output, type.PageType, type.Scores, theirs);
        }
        if (ours.Snippets is { } mine && baseline.Snippets is { } other)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"snippets found (share per page, averaged over {mine.Pages} pages): must-have {ours.Name} {mine.With:P1}, {baseline.Name} {other.With:P1}; must-not-have (lower is better) {ours.Name} {mine.Without:P1}, {baseline.Name} {other.Without:P1}"));
        output.WriteLine($"empty output on pages whose reference has >= {PageResult.TextPageWords} words: {ours.Name} {ours.EmptyOnTextPages}, {baseline.Name} {baseline.EmptyOnTextPages}");
    }

    private static void WordLine(TextWriter output, string label, WordScores ours, WordScores baseline) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-15} {ours.Pages,5}  {ours.F1,-14:F4} {ours.Precision,-6:F4} {ours.Recall,-6:F4}  {baseline.F1,-15:F4} {baseline.Precision,-6:F4} {baseline.Recall,-6:F4}"));

    private static void Write(ExtractorScores s, TextWriter output) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.Name,-12} F1 {s.F1:F4}  precision {s.Precision:F4}  recall {s.Recall:F4}  pages {s.Pages}  ({s.PagesPerSecond:F1} pages/s, first run incl. warm-up)"));

    public static void Write(NerEvaluation e, TextWriter output)
    {
        var overall = e.Overall;
        if (e.Language is { } language)
            output.WriteLine(e.ModelForLanguage ? $"language: {language}" : $"language: {language} (no model for it: the capitalised-name fallback, every mention MISC)");
        if (e.HeldOutPart is var (heldOut, all))
            output.WriteLine($"scored: the held-out part of the file, {heldOut:N0} of {all:N0} sentences (the rest is training data)");
        if (e.UnscoredTypes.Count > 0)
            output.WriteLine($"not scored (the file never annotates them): {string.Join(", ", e.UnscoredTypes)}");
        output.WriteLine($"processed {e.Tokens} tokens with {overall.Gold} phrases; found: {overall.Found} phrases; correct: {overall.Correct}.");
        output.WriteLine($"accuracy: {100.0 * e.CorrectTokens / e.Tokens,6:F2}%; precision: {overall.Precision * 100,6:F2}%; recall: {overall.Recall * 100,6:F2}%; FB1: {overall.F1 * 100,6:F2}");
        foreach (var (type, s) in e.PerType)
            output.WriteLine($"{type,17}: precision: {s.Precision * 100,6:F2}%; recall: {s.Recall * 100,6:F2}%; FB1: {s.F1 * 100,6:F2}  {s.Found}");
        output.WriteLine($"model load: {e.ModelLoadSeconds:F2}s");
        output.WriteLine($"tagging the file's tokens (first pass, includes JIT warm-up): {e.TaggingTokensPerSecond:N0} tokens/s");
        output.WriteLine($"full stack (sentences + tokens + entities, one thread, warm): {e.FullStack.TokensPerSecond:N0} tokens/s wall-clock, {e.FullStack.TokensPerCpuSecond:N0} tokens per CPU-second");
    }

    public static string Format(ClusteringScores s, string source) => string.Create(CultureInfo.InvariantCulture,
        $"""
        clustering {source}: {s.Articles} articles, {s.GoldEvents} gold events, {s.PredictedStories} stories
          B-cubed   P {s.BCubedPrecision:F4}  R {s.BCubedRecall:F4}  F1 {s.BCubedF1:F4}
          pairwise  P {s.PairPrecision:F4}  R {s.PairRecall:F4}  F1 {s.PairF1:F4}  ({s.PredictedPairs} predicted pairs, {s.FalsePairs} false)
          {s.ArticlesPerSecond:F0} articles/s end to end ({s.Seconds:F2} s), {s.ClusteredPerSecond:F0} articles/s clustering alone
        """);

    public static void Write(AttributionEvaluation e, TextWriter output)
    {
        output.WriteLine($"attributions: {e.Found.Count} found, {e.Gold.Count} gold ({e.GoldDirect} direct)");
        output.WriteLine("scope    match            P      R      F1");
        Line(output, "all", "content", e.All.Content);
        Line(output, "all", "content+source", e.All.ContentSource);
        Line(output, "direct", "content", e.Direct.Content);
        Line(output, "direct", "content+source", e.Direct.ContentSource);
    }

    // The cues listed by --explain: the most used ones, where a wrong rule costs most.
    private const int ExplainedCues = 40;

    /// <summary>
    /// Which rules made the found attributions and how many of each match gold (content and source), then the same per cue
    /// with the cue's flags as named values: what `eval attribution --explain` prints.
    /// </summary>
    public static void WriteExplanation(AttributionEvaluation e, TextWriter output)
    {
        output.WriteLine("by rule (attribution rule, +speaker rule that changed the speaker)   found  matched  precision");
        foreach (var count in AttributionEvaluator.GroupedBy(e, a => a.Rule ?? "(none)"))
        {
            output.WriteLine($"  {count.Name,-60} {count.Found,6} {count.Matched,8} {count.Precision,10:F3}");
        }
        output.WriteLine($"by cue (the {ExplainedCues} most used; flags)                          found  matched  precision");
        foreach (var count in AttributionEvaluator.GroupedBy(e, a => a.Cue?.ToLowerInvariant() ?? "(none)").Take(ExplainedCues))
        {
            var flags = count.Name == "(none)" ? "" : AttributionRuleText.FlagsOf(count.Name)?.ToString() ?? "not listed";
            output.WriteLine($"  {$"{count.Name} ({flags})",-60} {count.Found,6} {count.Matched,8} {count.Precision,10:F3}");
        }
    }

    public static void Write(QuantityEvaluator.Evaluation e, TextWriter output, bool misses)
    {
        if (misses)
        {
            foreach (var sentence in e.Sentences.Where(s => s.Missed.Count + s.Spurious.Count > 0))
            {
                output.WriteLine($"{sentence.Id}: {sentence.Text}");
                foreach (var item in sentence.Missed) output.WriteLine("  missed   " + item.Describe());
                foreach (var item in sentence.Spurious) output.WriteLine("  spurious " + item.Describe());
            }
        }
        output.WriteLine($"quantities ({e.Split}): {e.Sentences.Count} sentences, {e.Value.Gold} gold, {e.Value.Found} found");
        output.WriteLine("match         P      R      F1");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"value       {e.Value.Precision,6:0.000} {e.Value.Recall,6:0.000} {e.Value.F1,6:0.000}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"value+unit  {e.ValueUnit.Precision,6:0.000} {e.ValueUnit.Recall,6:0.000} {e.ValueUnit.F1,6:0.000}"));
        output.WriteLine("kind         gold  value-recall  unit-recall");
        foreach (var row in e.PerKind)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Kind,-10} {row.Gold,6}  {(double)row.ValueMatched / row.Gold,12:0.000}  {(double)row.UnitMatched / row.Gold,11:0.000}"));
        }
    }

    private static void Line(TextWriter output, string scope, string match, MatchScore score) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scope,-8} {match,-15} {score.Precision,6:0.000} {score.Recall,6:0.000} {score.F1,6:0.000}"));
}
