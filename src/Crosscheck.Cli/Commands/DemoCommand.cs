using System.CommandLine;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;

namespace Crosscheck.Cli.Commands;

public static class DemoCommand
{
    public static Command Create()
    {
        var keep = new Option<string?>("--db") { Description = "Keep the demo database at this path instead of a temporary one (then try `stories` and `dossier` on it).", HelpName = "FILE" };
        var command = new Command("demo", """
            Ingest the sample articles bundled with Crosscheck (five outlets reporting one event) into a
            temporary database and print the story's dossier.

            Examples:  crosscheck demo
                       crosscheck demo --db demo.db      (keeps the database: then `crosscheck stories --db demo.db`)
            """)
        { keep };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var samples = FindSamples() ?? throw new UserError("the bundled samples/ folder is missing from this build; run from the repository: dotnet run --project src/Crosscheck.Cli -- demo");
            var database = result.GetValue(keep);
            using var temp = database is null ? TempStore.Create() : null;
            using var store = Engine.OpenStore(database ?? temp!.DatabasePath);
            Console.Error.WriteLine($"ingesting the sample articles in {samples} ...");
            var report = Engine.Ingest(store).Ingest([samples], IngestHints.None);
            foreach (var error in report.Errors) Console.Error.WriteLine(OneLine.Of($"error: {error}"));
            var stories = StoriesCommand.Ordered(store.GetStories());
            Console.Error.WriteLine($"{store.CountArticles()} articles, {stories.Count} stor{(stories.Count == 1 ? "y" : "ies")}; the largest story's dossier follows.");
            Console.Error.WriteLine();
            if (stories.Count == 0) throw new UserError("no story was formed from the samples");
            DossierCommand.Write(Engine.BuildDossier(store, stories[0]), "md", Console.Out);
            if (database is not null) Console.Error.WriteLine($"\nthe demo database is kept at {database}: try `crosscheck stories --db {database}`");
            return ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>The samples copied next to the program at build time, else samples/ above the working directory.</summary>
    private static string? FindSamples()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "samples");
        if (Directory.Exists(beside)) return beside;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
