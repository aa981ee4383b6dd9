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
        return command;
    }
}
