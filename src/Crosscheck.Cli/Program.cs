using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Crosscheck.Cli.Commands;
using Crosscheck.Core.Text;

namespace Crosscheck.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        var root = BuildRoot();
        var result = root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is not HelpAction)
        {
            foreach (var error in result.Errors) Console.Error.WriteLine($"error: {OneLine.Of(Secrets.Redact(error.Message))}");
            Console.Error.WriteLine("see `crosscheck --help`, or `crosscheck COMMAND --help` for one command");
            return ExitCodes.Misuse;
        }
        if (result.Action is not HelpAction && UnknownOption(result, args) is { } unknown)
        {
            var (path, word) = (CommandPath(result.CommandResult), OneLine.Of(Secrets.Redact(unknown)));
            Console.Error.WriteLine($"error: `crosscheck {path}` has no option {word} (a file whose name starts with '-' is named as ./{word})");
            Console.Error.WriteLine($"see `crosscheck {path} --help` for its options");
            return ExitCodes.Misuse;
        }
        return result.Invoke();
    }

    /// <summary>
    /// A word like an option ("--frobnicate") that the parser took for one of the command's own arguments (a path, a story id,
    /// a query), where the user meant an option the command does not have; words after a "--" are taken as given.
    /// </summary>
    private static string? UnknownOption(ParseResult result, string[] args)
    {
        var literal = args.SkipWhile(arg => arg != "--").Skip(1).ToHashSet(StringComparer.Ordinal);
        return result.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(argument => argument.Tokens)
            .Select(token => token.Value)
            .FirstOrDefault(value => value.Length > 2 && value.StartsWith("--", StringComparison.Ordinal) && char.IsAsciiLetter(value[2]) && !literal.Contains(value));
    }

    /// <summary>The command's words after `crosscheck` ("eval extraction").</summary>
    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (var at = command; at.Parent is CommandResult parent; at = parent) names.Insert(0, at.Command.Name);
        return string.Join(' ', names);
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
