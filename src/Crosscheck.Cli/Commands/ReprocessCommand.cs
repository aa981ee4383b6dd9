using System.CommandLine;
using Crosscheck.Cli.Output;
using Crosscheck.Core.Text;

namespace Crosscheck.Cli.Commands;

public static class ReprocessCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var command = new Command("reprocess", """
            Rebuild every article, annotation layer and story from the raw inputs kept in the database,
            e.g. after upgrading Crosscheck. Raw inputs are never changed.
            The rebuild is one transaction: readers (serve, stories, dossier) see the old stories until
            it is complete; if it is stopped or killed, the old state stays and running it again starts
            over. Writers wait for it: on an SQLite file an ingest, POST or worker writing meanwhile
            waits up to 30 s and then fails with "locked by another process" (run it again afterwards);
            on PostgreSQL, writes go on and stories are assigned again after the rebuild.
            A stored input over the size limit a new one meets is reported and left out; the others are rebuilt.

            Example:  crosscheck reprocess --db news.db
            """)
        { db };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var location = result.GetValue(db)!;
            using var store = StoriesCommand.OpenExisting(location);
            var progress = new ConsoleProgress();
            var report = Engine.Ingest(store).Reprocess(progress);
            progress.Finish();
            foreach (var error in report.Errors) Console.Error.WriteLine(OneLine.Of($"error: {error.Source}: {error.Problem}"));
            Console.WriteLine($"reprocessed {report.Added} article(s) into {report.Stories} stor{(report.Stories == 1 ? "y" : "ies")} in {store.Location}");
            return report.HasErrors ? ExitCodes.BadInput : ExitCodes.Ok;
        }));
        return command;
    }
}
