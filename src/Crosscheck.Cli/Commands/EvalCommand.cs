using System.CommandLine;
using Crosscheck.Evaluation.Quotes;
using Crosscheck.Evaluation.Clustering;
using Crosscheck.Evaluation.Entities;
using Crosscheck.Evaluation.Extraction;

namespace Crosscheck.Cli.Commands;

/// <summary>`eval ...`: quality on public data, with the metric of the published figures (../shared/data/README.md).</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Measure quality on evaluation data with the same metric as the published figures.");
        command.Subcommands.Add(Seeds());
        command.Subcommands.Add(Extraction());
        command.Subcommands.Add(Ner());
        command.Subcommands.Add(Clustering());
        command.Subcommands.Add(Attribution());
        return command;
    }

    private static Command Seeds()
    {
        var expected = new Option<string?>("--expected")
        {
            Description = "The expectations file (default: shared/seeds/expected.json found from the working directory up).",
            HelpName = "FILE",
        };
        var db = new Option<string?>("--db") { Description = "Score the stories of this database instead of ingesting the seed articles next to --expected into a temporary one.", HelpName = "FILE" };
        var command = new Command("seeds", """
            Score the seed articles' dossier against expected.json: prints every miss and a last line
            `seeds: N/M expectations held`.

            Example:  crosscheck eval seeds --expected ../shared/seeds/expected.json
            """)
        { expected, db };
        command.SetAction(result => CommandRunner.Run(() => SeedsEval.Run(result.GetValue(expected), result.GetValue(db), Console.Out)));
        return command;
    }

    private static Command Extraction()
    {
        var dir = new Argument<string>("dir") { Description = "A directory holding html/<id>.html and ground-truth.json (id -> {articleBody})." };
        var output = CommonOptions.Out("the predictions as {id: {\"articleBody\": ...}}");
        var command = new Command("extraction", """
            Article-body extraction quality: token 4-gram shingle precision, recall and F1, averaged over pages.

            Example:  crosscheck eval extraction ../shared/data/extraction-aeb-dev
            """)
        { dir, output };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var evaluation = ExtractionEvaluator.Evaluate(RequireDirectory(result.GetValue(dir)!));
            EvalReports.Write(evaluation, Console.Out);
            WritePredictions(result.GetValue(output), path => ExtractionEvaluator.WritePredictions(evaluation.Predictions, path));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Ner()
    {
        var file = new Argument<string>("file") { Description = "A CoNLL-format file (token ... tag per line, blank lines between sentences)." };
        var output = CommonOptions.Out("`token gold predicted` per line");
        var command = new Command("ner", """
            Named-entity quality, entity-level precision/recall/F1 per type and overall (the conlleval way), and tokens/s.

            Example:  crosscheck eval ner ../shared/data/ner/conll2003/valid.txt
            """)
        { file, output };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var evaluation = NerEvaluator.Evaluate(RequireFile(result.GetValue(file)!));
            EvalReports.Write(evaluation, Console.Out);
            WritePredictions(result.GetValue(output), path => NerEvaluator.WritePredictions(evaluation, path));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Clustering()
    {
        var file = new Argument<string>("file") { Description = "JSONL with {id, event, text[, published, title]} per line." };
        var output = CommonOptions.Out("the assignment as {id: story_id}");
        var command = new Command("clustering", """
            Story clustering quality: the articles are processed in file order and clustered online;
            prints B-cubed and pairwise precision/recall/F1 against `event`, and articles/s.

            Example:  crosscheck eval clustering ../shared/data/clustering-ecbplus-dev/documents.jsonl
            """)
        { file, output };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var path = RequireFile(result.GetValue(file)!);
            var evaluation = ClusteringEvaluator.Evaluate(path, input => Engine.AnnotateText(input.Id, input.Text, input.Published, input.Title));
            Console.WriteLine(EvalReports.Format(evaluation.Scores, path));
            WritePredictions(result.GetValue(output), path => ClusteringEvaluator.WritePredictions(evaluation.Predicted, path));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command Attribution()
    {
        var dir = new Argument<string>("dir") { Description = "A PolNeAR-style directory with text/ and attributions/." };
        var output = CommonOptions.Out("one JSON line per found attribution");
        var command = new Command("attribution", """
            Attribution (quote and reported speech) quality: content and content+source P/R/F1, over all
            attributions and over direct quotes.

            Example:  crosscheck eval attribution ../shared/data/attribution-polnear/dev
            """)
        { dir, output };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var evaluation = AttributionEvaluator.Evaluate(RequireDirectory(result.GetValue(dir)!), text => Engine.AnnotateText("text", text));
            WritePredictions(result.GetValue(output), path => AttributionEvaluator.WriteFound(evaluation.Found, path), quiet: true);
            EvalReports.Write(evaluation, Console.Out);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static string RequireFile(string path) =>
        File.Exists(path) ? path : throw new UserError($"{path}: no such file");

    public static string RequireDirectory(string path) =>
        Directory.Exists(path) ? path : throw new UserError($"{path}: no such directory");

    /// <summary>Writes the predictions when <c>--out</c> asked for them, and says where (unless the report that follows says it).</summary>
    private static void WritePredictions(string? path, Action<string> write, bool quiet = false)
    {
        if (path is null) return;
        write(path);
        if (!quiet) Console.WriteLine($"predictions written to {path}");
    }
}
