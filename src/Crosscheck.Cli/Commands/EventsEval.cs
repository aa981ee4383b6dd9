using System.CommandLine;
using System.Globalization;
using Crosscheck.Evaluation.Events;
using Crosscheck.Stories.Statements;

namespace Crosscheck.Cli.Commands;

/// <summary>`eval events FILE`: cross-document event coreference on an ECB+-style file (../shared/data/events-ecbplus-dev/README.md).</summary>
public static class EventsEval
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "JSONL with {id, topic, text, mentions: [{id, start, end, cluster}]} per line (the ECB+ event file)." };
        var gold = new Option<bool>("--gold-mentions") { Description = "Group the given mentions (otherwise detect mentions and score detection too)." };
        var topics = new Option<string?>("--topics")
        {
            Description = "Score only the documents of these topics, comma-separated (e.g. 2,5,12); ranges allowed (1-35). Every document of the file is still clustered into stories, as a stream would be.",
            HelpName = "LIST",
        };
        var output = CommonOptions.Out("the grouping as {mention id: cluster id}");
        var everyEvent = new Option<bool>("--every-event")
        {
            Description = "With --statements: show every event two articles report as one statement, without asking that their reports tell one happening (the same-happening rule off), to compare.",
        };
        var statements = new Option<string?>("--statements")
        {
            Description = "Instead of scoring the grouping, check the dossier's statements: build each story's statements (mentions detected) and judge each one shown as reported by several articles by the corpus's events; write one JSON line per statement to FILE (for judging by hand the wordings the corpus does not annotate).",
            HelpName = "FILE",
        };
        var documentPairs = new Option<string?>("--document-pairs")
        {
            Description = "Instead of scoring, cluster the documents into stories and write each document's story and the story clusterer's own score of every two documents above 0.02 to FILE (tab-separated; for re-cutting stories offline with scripts/events-coref-cv.py documents).",
            HelpName = "FILE",
        };
        var command = new Command("events", """
            Cross-document event coreference: the documents are clustered into stories by Crosscheck (not by the
            corpus's topics), the event mentions of each story grouped into events as the dossier groups them (the
            events its statements are made of), and the grouping scored over the whole
            file as one partition (MUC, B-cubed, CEAF-e and CoNLL F1, singletons included), beside the
            same-lemma baseline over the same stories. Without --gold-mentions the mentions are detected and
            detection precision/recall/F1 is printed too.

            Examples: crosscheck eval events ../shared/data/events-ecbplus-dev/documents.jsonl --gold-mentions
                      crosscheck eval events ../shared/data/events-ecbplus-dev/documents.jsonl --topics 2,5,12,18,21,23,34,35
            """)
        { file, gold, topics, output, statements, everyEvent, documentPairs };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var path = EvalCommand.RequireFile(result.GetValue(file)!);
            var chosen = result.GetValue(topics) is { } list ? ParseTopics(list) : null;
            var goldMentions = result.GetValue(gold);
            if (result.GetValue(documentPairs) is { } pairsPath)
            {
                EventsEvaluator.WriteDocumentPairs(EventsEvaluator.Read(path), (id, text) => Engine.AnnotateText(id, text), pairsPath);
                Console.WriteLine($"document pairs written to {pairsPath}");
                return ExitCodes.Ok;
            }
            if (result.GetValue(statements) is { } statementsPath)
            {
                CheckStatements(path, chosen, statementsPath, new StatementOptions(SameHappenings: !result.GetValue(everyEvent)), Console.Out);
                return ExitCodes.Ok;
            }
            var evaluation = EventsEvaluator.Evaluate(path, (id, text) => Engine.AnnotateText(id, text), goldMentions, chosen);
            Write(evaluation, goldMentions, Console.Out);
            if (result.GetValue(output) is { } outPath)
            {
                // The same {id: cluster id} file as the story clustering's.
                Crosscheck.Evaluation.Clustering.ClusteringEvaluator.WritePredictions(evaluation.Predicted, outPath);
                Console.WriteLine($"predictions written to {outPath}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void CheckStatements(string path, HashSet<int>? topics, string outPath, StatementOptions options, TextWriter writer)
    {
        var documents = EventsEvaluator.Read(path);
        var (summary, statements) = StatementsCheck.Run(documents, (id, text) => Engine.AnnotateText(id, text), topics, options);
        using (var file = new StreamWriter(outPath))
        {
            StatementsCheck.Write(statements, documents.ToDictionary(d => d.Id, StringComparer.Ordinal), file);
        }
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Stories} stories: {summary.Statements} statements reported by 2+ articles ({summary.ThreeOrMore} by 3+, {summary.Corroborated} corroborated)"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  judged by the corpus: {summary.JudgedStatements} statements, {summary.SameStatements} one happening (precision {summary.StatementPrecision:0.000}); pairs {summary.SamePairs} of {summary.JudgedPairs} (precision {summary.PairPrecision:0.000})"));
        writer.WriteLine($"statements written to {outPath}");
    }

    /// <summary>"2,5,12" or "1-35" or a mix, as a set of topic numbers.</summary>
    public static HashSet<int> ParseTopics(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var result = new HashSet<int>();
        foreach (var part in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-');
            if (bounds.Length is 1 or 2 && bounds.All(b => int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                var low = int.Parse(bounds[0], CultureInfo.InvariantCulture);
                var high = int.Parse(bounds[^1], CultureInfo.InvariantCulture);
                if (low <= high)
                {
                    for (var t = low; t <= high; t++) result.Add(t);
                    continue;
                }
            }
            throw new UserError($"--topics {list}: expected topic numbers or ranges separated by commas (e.g. 2,5,12 or 1-35)");
        }
        return result;
    }

    public static void Write(EventsEvaluation evaluation, bool goldMentions, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(writer);
        var s = evaluation.Scores;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{evaluation.Documents} documents in {evaluation.Stories} stories (Crosscheck's story clustering), {s.Mentions} gold mentions in {s.GoldClusters} gold clusters; {(goldMentions ? "gold mentions" : "mentions detected")}, singletons included"));
        if (evaluation.Detection is { } d)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  mentions   P {d.Precision:0.0000}  R {d.Recall:0.0000}  F1 {d.F1:0.0000}  ({d.Detected} detected, {d.Matched} match a gold mention)"));
        }
        writer.WriteLine("                 Crosscheck                          same-lemma baseline");
        Line(writer, "MUC", s.Muc, evaluation.Baseline.Muc);
        Line(writer, "B-cubed", s.BCubed, evaluation.Baseline.BCubed);
        Line(writer, "CEAF-e", s.CeafE, evaluation.Baseline.CeafE);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  CoNLL F1  {s.Conll,6:0.00}   ({s.PredictedClusters} clusters)          {evaluation.Baseline.Conll,6:0.00}   ({evaluation.Baseline.PredictedClusters} clusters)"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {evaluation.Seconds:0.0} s"));
    }

    private static void Line(TextWriter writer, string name, CorefScore ours, CorefScore baseline) =>
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {name,-8}  P {ours.Precision:0.0000} R {ours.Recall:0.0000} F1 {ours.F1:0.0000}   P {baseline.Precision:0.0000} R {baseline.Recall:0.0000} F1 {baseline.F1:0.0000}"));
}
