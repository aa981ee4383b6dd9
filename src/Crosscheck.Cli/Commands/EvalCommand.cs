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
        var dir = new Argument<string>("dir") { Description = "A directory holding html/<id>.html or html/<id>.html.gz, ground-truth.json (id -> {articleBody}) and optionally meta.json (id -> {page_type, with, without})." };
        var output = CommonOptions.Out("the predictions as {id: {\"articleBody\": ...}}");
        var command = new Command("extraction", """
            Article-body extraction quality, ours and SmartReader's on the same pages: token 4-gram shingle
            precision, recall and F1 (the F1 of the means over pages); the word-level F1 of WCXB (lowercased
            \w+ tokens, multiset overlap, P/R/F1 per page averaged over pages), per page type when meta.json
            gives types; the shares of must-have and must-not-have snippets found; and the count of empty
            outputs on pages whose reference has 50 words or more.

            Examples: crosscheck eval extraction ../shared/data/extraction-aeb-dev
                      crosscheck eval extraction ../shared/data/extraction-wcxb-dev
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
        var input = new Argument<string>("input")
        {
            Description = "JSONL with {id, event, text[, published, title]} per line, or a folder of story labels for web pages (gold.json; pages in html/ there or in the sibling extraction-* folder).",
        };
        var output = CommonOptions.Out("the assignment as {id: story_id}");
        var batch = new Option<int>("--batch")
        {
            Description = "Feed the articles as successive ingests of N, each ending with the end-of-batch re-checks (0: one batch).",
            HelpName = "N",
        };
        var order = new Option<string>("--order")
        {
            Description = "Arrival order: `file` (default; for a folder, ingest's order by date) or `random:SEED`, a reproducible shuffle.",
            HelpName = "ORDER",
            DefaultValueFactory = _ => "file",
        };
        var command = new Command("clustering", """
            Story clustering quality: the articles are clustered online as they arrive; prints B-cubed and
            pairwise precision/recall/F1 against the gold stories, the predicted and false pairs, and articles/s.
            A folder of story labels is scored on its pages, extracted and annotated as ingest does.

            Examples: crosscheck eval clustering ../shared/data/clustering-ecbplus-dev/documents.jsonl --batch 20 --order random:1
                      crosscheck eval clustering ../shared/data/stories-aeb-dev
            """)
        { input, output, batch, order };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var path = result.GetValue(input)!;
            var stream = new ClusteringStream(ParseBatch(result.GetValue(batch)), ParseOrder(result.GetValue(order)!));
            var evaluation = Directory.Exists(path)
                ? ClusteringEvaluator.EvaluatePages(path, Engine.Processor.Process, stream: stream)
                : ClusteringEvaluator.Evaluate(RequireFile(path), line => Engine.AnnotateText(line.Id, line.Text, line.Published, line.Title), stream: stream);
            Console.WriteLine(EvalReports.Format(evaluation.Scores, $"{path} ({stream})"));
            // On a folder of mostly lone pages each false pair is worth reading; on a corpus of look-alike events they are too many.
            if (evaluation.FalsePairs.Count <= 20)
            {
                foreach (var (first, second) in evaluation.FalsePairs) Console.WriteLine($"  false pair: {first} {second}");
            }
            WritePredictions(result.GetValue(output), outPath => ClusteringEvaluator.WritePredictions(evaluation.Predicted, outPath));
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static int ParseBatch(int batch) => batch >= 0 ? batch : throw new UserError($"--batch {batch}: expected 0 (one batch) or a positive size");

    /// <summary>`file` keeps the input order (null seed); `random:SEED` shuffles with that integer seed.</summary>
    public static int? ParseOrder(string order)
    {
        if (order == "file") return null;
        const string random = "random:";
        if (order.StartsWith(random, StringComparison.Ordinal)
            && int.TryParse(order[random.Length..], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seed))
        {
            return seed;
        }
        throw new UserError($"--order {order}: expected `file` or `random:SEED` (an integer seed)");
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
