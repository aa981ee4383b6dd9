using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Evaluation.Similarity;
using Crosscheck.Storage;
using Crosscheck.Stories.Clustering;

namespace Crosscheck.Cli.Commands;

/// <summary>`eval similarity`: ingest a rated-pair corpus into a fresh store (or a given one) and score its stories on the pairs.</summary>
public static class SimilarityEval
{
    /// <summary>
    /// Clusters the documents of an existing store (one ingest of DIR with --db) again under each setting of
    /// <see cref="SimilarityTuning.Grid"/> (or the defaults alone) and prints the scores, to choose thresholds on the training
    /// pairs, then where the defaults go wrong there (<see cref="WriteErrors"/>). With <paramref name="orders"/> each setting
    /// is also clustered in that many shuffled orders and the scores are means, with their range over the orders.
    /// </summary>
    public static int Tune(string directory, string database, TextWriter output, int orders = 0, bool defaultsOnly = false, string grid = "lifts", bool errors = false, string? pairScores = null, string? joinedPairs = null)
    {
        var pairs = SimilarityEvaluator.ReadPairs(Path.Combine(EvalCommand.RequireDirectory(directory), SimilarityEvaluator.PairsFile));
        if (!File.Exists(database)) throw new UserError($"{database}: no such database; run `eval similarity {directory} --db {database}` first");
        using var store = Engine.OpenStore(database);
        var documents = store.AllDocuments().ToList();
        // Every lookup below goes by a rated pair's article keys: a store of other articles is named here, not met as a crash mid-grid.
        var stored = documents.Select(d => d.Article.Url).OfType<string>().Select(SimilarityEvaluator.KeyOf).ToHashSet(StringComparer.Ordinal);
        if (pairs.Where(p => p.Judged).SelectMany(p => new[] { p.First, p.Second }).FirstOrDefault(key => !stored.Contains(key)) is { } missing)
            throw new UserError($"{database}: article {missing} of {SimilarityEvaluator.PairsFile} is not in this store; give the --db of an earlier `eval similarity {directory} --db FILE` run");
        // Only the training pairs are shown: a setting chosen while the held-out figures were in sight would be chosen on them too.
        void Line(TunedSetting t) => output.WriteLine(orders == 0
            ? string.Create(CultureInfo.InvariantCulture, $"  {Scores(t.Evaluation.Group("train same-language"))}  {Scores(t.Evaluation.Group("train cross-language"))}  {t.Name}")
            : $"  {OrderScores(t, "train same-language")}  {OrderScores(t, "train cross-language")}  {t.Name}{Environment.NewLine}{ByOrder(t)}");
        output.WriteLine(orders == 0
            ? "train same / cross F1 (P/R), setting"
            : $"train same / cross F1: ingest order, mean of it and {orders} shuffled orders [min-max], setting");
        var all = GridOf(grid);
        var settings = defaultsOnly ? all.Take(1) : all; // each grid starts with the defaults
        var results = SimilarityTuning.Run(pairs, documents, settings, Line, orders);
        output.WriteLine("best on the training pairs:");
        Line(results[0]);
        WriteErrors(results.First(r => ReferenceEquals(r.Options, ClusteringOptions.Default)), output);
        if (errors) WriteErrorClasses(SimilarityTuning.ErrorClasses(pairs, documents, ClusteringOptions.Default, orders), output);
        if (pairScores is not null)
        {
            var diagnostics = SimilarityTuning.PairDiagnostics(pairs, documents, ClusteringOptions.Default, orders);
            WritePairScores(diagnostics, pairScores);
            output.WriteLine($"pair scores written to {pairScores} ({diagnostics.Count} judged training pairs)");
        }
        if (joinedPairs is not null)
        {
            var joins = SimilarityTuning.JoinedPairs(pairs, documents, ClusteringOptions.Default, orders);
            WriteJoinedPairs(joins, joinedPairs);
            output.WriteLine($"joined pairs written to {joinedPairs} ({joins.Count} rows: the judged training pairs put in one story, over {orders + 1} order{(orders == 0 ? "" : "s")}; columns: `eval similarity --help`)");
        }
        return ExitCodes.Ok;
    }

    /// <summary>The settings of a named grid (`--grid`), the defaults (or the base it is weighed against) first.</summary>
    public static IEnumerable<(string Name, ClusteringOptions Options)> GridOf(string grid) =>
        grid switch
        {
            "lifts" => SimilarityTuning.Grid(),
            "member-link" => SimilarityTuning.MemberLinkGrid(),
            "han-names" => SimilarityTuning.HanNameKeysGrid(),
            "same-language-weights" => SimilarityTuning.SameLanguageWeightsGrid(),
            "fitted-weights" => SimilarityTuning.FittedWeightsGrid(),
            "cross-han" => SimilarityTuning.CrossHanGrid(),
            "lift-neighbours" => SimilarityTuning.LiftNeighboursGrid(),
            "lift-steps" => SimilarityTuning.LiftStepsGrid(),
            "story-joins" => SimilarityTuning.StoryJoinsGrid(),
            "story-refine" => SimilarityTuning.StoryRefineGrid(),
            "story-refine2" => SimilarityTuning.StoryRefine2Grid(),
            "name-join" => SimilarityTuning.NameJoinGrid(),
            "chinese-gloss" => SimilarityTuning.ChineseGlossGrid(),
            "chinese-gloss2" => SimilarityTuning.ChineseGloss2Grid(),
            "chinese-gloss3" => SimilarityTuning.ChineseGloss3Grid(),
            "template-pages" => SimilarityTuning.TemplatePagesGrid(),
            "short-sides" => SimilarityTuning.ShortSidesGrid(),
            "short-side-titles" => SimilarityTuning.ShortSideTitlesGrid(),
            _ => throw new UserError($"--grid {grid}: expected lifts, lift-neighbours, lift-steps, story-joins, story-refine, story-refine2, name-join, chinese-gloss, chinese-gloss2, chinese-gloss3, member-link, han-names, same-language-weights, fitted-weights, cross-han, template-pages, short-sides or short-side-titles"),
        };

    /// <summary>The defaults' judged training pairs as a tab-separated table, one pair a line (<see cref="SimilarityTuning.PairDiagnostics"/>).</summary>
    private static void WritePairScores(List<SimilarityPairDiagnostic> diagnostics, string path)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("pair_id\tlang1\tlang2\toverall\tsame_story\tjoined_orders\torders\tscore\tthreshold\tterms\tentities\tspecifics");
        foreach (var d in diagnostics)
        {
            var (pair, alone) = (d.Pair, d.Alone);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{pair.Id}\t{pair.FirstLanguage}\t{pair.SecondLanguage}\t{pair.Overall}\t{(pair.SameStory ? 1 : 0)}\t{d.JoinedOrders}\t{d.Orders}\t{alone.Score:0.0000}\t{d.Threshold}\t{alone.Terms:0.0000}\t{alone.Entities:0.0000}\t{alone.Specifics:0.0000}"));
        }
    }

    /// <summary>The columns of the `--joined-pairs` file, each described in the option's help.</summary>
    public const string JoinedPairsHeader = "order\tpair_id\tlang1\tlang2\tsame_story\tjoins_alone\tkind\tstep\tinto_size\tjoining_size\tscore\tpair_article_alone";

    /// <summary>The defaults' joined training pairs (of one story or not) in every order, with the join that made each (<see cref="SimilarityTuning.JoinedPairs"/>), one a line.</summary>
    private static void WriteJoinedPairs(List<SimilarityJoinedPair> joins, string path)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(JoinedPairsHeader);
        foreach (var j in joins)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{j.Order}\t{j.Pair.Id}\t{j.Pair.FirstLanguage}\t{j.Pair.SecondLanguage}\t{(j.Pair.SameStory ? 1 : 0)}\t{(j.JoinsAlone ? 1 : 0)}\t{j.Kind}\t{StepText(j)}\t{j.IntoSize}\t{j.JoiningSize}\t{j.Score:0.0000}\t{(j.PairArticleJoinedAlone ? 1 : 0)}"));
        }
    }

    /// <summary>The arrival a joined pair's join was made at; "settle" for the end-of-batch settle, "-" for a pair moved together without a join.</summary>
    public static string StepText(SimilarityJoinedPair join) =>
        join.Step is { } step ? step.ToString(CultureInfo.InvariantCulture) : join.Kind == SimilarityJoinedPair.Moved ? "-" : "settle";

    /// <summary>The defaults' wrong training pairs by <see cref="SimilarityErrorClass"/>, per order on average.</summary>
    private static void WriteErrorClasses(List<SimilarityErrorCount> counts, TextWriter output)
    {
        output.WriteLine($"defaults, wrong training pairs by class (mean per order over {counts.FirstOrDefault()?.Orders ?? 0} orders):");
        foreach (var count in counts)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {(count.CrossLanguage ? "cross-language" : "same-language"),-15} {count.Class,-24} {count.MeanPerOrder,6:0.0}"));
        }
    }

    /// <summary>Where the defaults go wrong on the training pairs, per language pair: pairs of different stories joined, pairs of one story missed.</summary>
    private static void WriteErrors(TunedSetting defaults, TextWriter output)
    {
        output.WriteLine($"{defaults.Name}, training pairs per language pair:");
        output.WriteLine("pairs                        n   gold  pred  false joins  missed joins    F1");
        foreach (var s in defaults.Evaluation.TrainPerLanguagePair)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {s.Label,-24} {s.Pairs,4} {s.Gold,5} {s.Predicted,5}  {s.FalseJoins,11}  {s.MissedJoins,12}  {s.F1,5:0.000}"));
        }
    }

    /// <summary>A setting's F1 in each order clustered (the ingest order first), same-language then cross-language: how far order alone moves it.</summary>
    private static string ByOrder(TunedSetting t)
    {
        string F1s(string group) => string.Join(' ', t.Evaluations.Select(e => e.Group(group).F1.ToString("0.000", CultureInfo.InvariantCulture)));
        return $"    by order, same: {F1s("train same-language")}; cross: {F1s("train cross-language")}";
    }

    private static string OrderScores(TunedSetting t, string group)
    {
        var (min, max) = t.RangeF1(group);
        return string.Create(CultureInfo.InvariantCulture, $"{t.Evaluation.Group(group).F1:0.000}, mean {t.MeanF1(group):0.000} [{min:0.000}-{max:0.000}]");
    }

    private static string Scores(PairScores s) => string.Create(CultureInfo.InvariantCulture, $"{s.F1:0.000} ({s.Precision:0.000}/{s.Recall:0.000})");

    /// <summary>
    /// The plain run: ingests and scores (<see cref="Evaluate"/>). <paramref name="tuneOnly"/> names an option given that only `--tune`
    /// reads (`--joined-pairs`, `--pair-scores`, ...): refused before any ingest rather than ignored, so no one waits for a file never written.
    /// </summary>
    public static int Run(string directory, string? database, TextWriter output, string? tuneOnly = null)
    {
        if (tuneOnly is not null)
            throw new UserError($"{tuneOnly} works with --tune only (it reads an earlier run's store): run `eval similarity {directory} --db FILE` first, then `eval similarity {directory} --db FILE --tune {tuneOnly} ...`");
        Write(Evaluate(directory, database, output), output);
        return ExitCodes.Ok;
    }

    /// <summary>Ingests DIR/articles.jsonl into a fresh store (or <paramref name="database"/>) and scores the rated pairs; ingest errors go to <paramref name="errors"/>.</summary>
    public static SimilarityEvaluation Evaluate(string directory, string? database, TextWriter errors) =>
        SimilarityEvaluator.Evaluate(EvalCommand.RequireDirectory(directory), articles =>
        {
            var temp = database is null ? TempStore.Create() : null;
            try
            {
                using var store = Engine.OpenStore(database ?? temp!.DatabasePath);
                var report = Engine.Ingest(store).Ingest([articles], IngestHints.None);
                foreach (var error in report.Errors) errors.WriteLine(OneLine.Of($"error: {error}"));
                return StoriesByKey(store);
            }
            finally
            {
                temp?.Dispose();
            }
        });

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
