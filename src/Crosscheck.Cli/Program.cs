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
            foreach (var error in result.Errors) Console.Error.WriteLine($"error: {error.Message}");
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
            """);
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(StoriesCommand.Create());
        root.Subcommands.Add(DossierCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(AnnotateCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ReprocessCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }
}
