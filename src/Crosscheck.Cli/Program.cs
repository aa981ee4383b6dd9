using System.CommandLine;
using Crosscheck.Cli.Commands;

namespace Crosscheck.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var root = BuildRoot();
        var result = root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is not System.CommandLine.Help.HelpAction)
        {
            foreach (var error in result.Errors) Console.Error.WriteLine($"error: {Crosscheck.Core.Text.Secrets.Redact(error.Message)}");
            Console.Error.WriteLine("see `crosscheck --help`, or `crosscheck COMMAND --help` for one command");
            return ExitCodes.Misuse;
        }
        return result.Invoke();
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("""
            Crosscheck turns many outlets' copies of the same news into stories and sourced dossiers:
            entities across spellings, claims normalised and compared, quotes with speakers, citations,
            independent origins and a timeline.

            Start:  crosscheck demo                      (the bundled sample, nothing to set up)
                    crosscheck ingest ./articles         (store and process your own articles)
                    crosscheck stories                   (list stories)
                    crosscheck dossier STORY             (one story's dossier; --json, --html)
                    crosscheck serve                     (web UI and HTTP API on http://127.0.0.1:5080)
                    crosscheck status                    (what the store holds, how current it is)
            """);
        // In the order --help lists them: the everyday commands first, then serving, then measuring.
        Command[] commands =
        [
            IngestCommand.Create(), StoriesCommand.Create(), DossierCommand.Create(), SearchCommand.Create(),
            AnnotateCommand.Create(), ServeCommand.Create(), ReprocessCommand.Create(), WorkerCommand.Create(), WatchCommand.Create(), StatusCommand.Create(),
            DemoCommand.Create(), EvalCommand.Create(), TrainCommand.Create(), BenchCommand.Create(),
        ];
        foreach (var command in commands) root.Subcommands.Add(command);
        return root;
    }
}
