using System.CommandLine;
using Crosscheck.Training;

namespace Crosscheck.Cli.Commands;

public static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Train the project's statistical models from data on this machine.");
        var data = new Option<string[]>("--data") { Description = "Training files in CoNLL format.", Required = true, AllowMultipleArgumentsPerToken = true, HelpName = "FILE" };
        var output = new Option<string>("--out") { Description = "Where to write the model file.", Required = true, HelpName = "FILE" };
        var ner = new Command("ner", """
            Train the entity tagger (see models/ner/MODEL_CARD.md).

            Example:  crosscheck train ner --data ../shared/data/ner/conll2003/train.txt --out models/ner/ner.model
            """)
        { data, output };
        ner.SetAction(result => CommandRunner.Run(() =>
        {
            var files = result.GetValue(data)!.Select(EvalCommand.RequireFile).ToArray();
            NerTrainer.Run(files, result.GetValue(output)!, Console.Out);
            return ExitCodes.Ok;
        }));
        command.Subcommands.Add(ner);
        command.Subcommands.Add(PageTypes());
        return command;
    }

    private static Command PageTypes()
    {
        var dir = new Argument<string>("dir") { Description = "A benchmark directory whose meta.json gives each page's page_type (html/, ground-truth.json as for `eval extraction`)." };
        var output = new Option<string>("--out") { Description = "Where to write the model file.", Required = true, HelpName = "FILE" };
        var folds = new Option<int>("--folds") { Description = "Folds of the cross-validation (whole sites held out).", DefaultValueFactory = _ => PageTypeTrainer.DefaultFolds, HelpName = "N" };
        var cache = new Option<string?>("--cache") { Description = "Keep every page's features in this file between runs (recomputed when the features changed).", HelpName = "FILE" };
        var l2 = new Option<double>("--l2") { Description = "L2 penalty on the weights.", DefaultValueFactory = _ => new PageTypeTrainer.Settings().L2, HelpName = "X" };
        var iterations = new Option<int>("--iterations") { Description = "Gradient steps.", DefaultValueFactory = _ => new PageTypeTrainer.Settings().Iterations, HelpName = "N" };
        var command = new Command("page-types", """
            Train the page-type model (article, forum, listing, product, service, documentation) on labelled
            pages: prints the accuracy of a cross-validation that holds out whole sites, then fits on every page.

            Example:  crosscheck train page-types ../shared/data/extraction-wcxb-dev --out src/Crosscheck.Extraction/PageTypes/page-types-model.txt
            """)
        { dir, output, folds, cache, l2, iterations };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var settings = new PageTypeTrainer.Settings { Iterations = Math.Max(1, result.GetValue(iterations)), L2 = Math.Max(0, result.GetValue(l2)) };
            PageTypeTrainer.Run(EvalCommand.RequireDirectory(result.GetValue(dir)!), result.GetValue(output)!, Math.Max(2, result.GetValue(folds)), Console.Out,
                result.GetValue(cache), settings);
            return ExitCodes.Ok;
        }));
        return command;
    }
}
