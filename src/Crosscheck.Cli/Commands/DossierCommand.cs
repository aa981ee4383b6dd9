using System.CommandLine;
using Crosscheck.Core.Model;
using Crosscheck.Storage;
using Crosscheck.Reports;

namespace Crosscheck.Cli.Commands;

public static class DossierCommand
{
    public static Command Create()
    {
        var storyId = new Argument<string>("story") { Description = "Story id, or a unique prefix of it (see `crosscheck stories`)." };
        var db = CommonOptions.Database();
        var json = CommonOptions.Json("the dossier");
        var md = new Option<bool>("--md") { Description = "Print the dossier as Markdown (the default)." };
        var html = new Option<bool>("--html") { Description = "Write a self-contained HTML report (to --out, or standard output)." };
        var output = CommonOptions.Out("the dossier");
        var command = new Command("dossier", """
            Show a story's sourced dossier: entities with their variants, claims with supporting articles and
            independent origins (corroborated / single-origin / conflicting / unique), quotes by speaker,
            citations and a timeline.

            Examples:  crosscheck dossier 3fa2c1
                       crosscheck dossier 3fa2c1 --html --out story.html
            """)
        { storyId, db, json, md, html, output };
        command.Validators.Add(result =>
        {
            if (new[] { result.GetValue(json), result.GetValue(md), result.GetValue(html) }.Count(x => x) > 1)
                result.AddError("choose one of --json, --md, --html");
        });
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var location = result.GetValue(db)!;
            var path = result.GetValue(output);
            if (path is not null) OutputFile.RequireNotStore(path, location, "--out");
            using var store = StoriesCommand.OpenExisting(location);
            var story = FindStory(store, result.GetValue(storyId)!, location);
            var dossier = Engine.BuildDossier(store, story);
            var format = result.GetValue(json) ? "json" : result.GetValue(html) ? "html" : "md";
            if (path is null)
            {
                Write(dossier, format, Console.Out);
            }
            else
            {
                OutputFile.Write(path, "--out", file => Write(dossier, format, file));
                Console.Error.WriteLine($"wrote {path}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static Story FindStory(IStore store, string idOrPrefix, string location) =>
        store.GetStory(idOrPrefix)
        ?? throw new UserError($"no story '{idOrPrefix}' in {location} (or the prefix matches several); list them with `crosscheck stories{IngestCommand.DbSuffix(location)}`");

    public static void Write(Dossier dossier, string format, TextWriter output)
    {
        switch (format)
        {
            case "json": DossierJson.Write(dossier, output); break;
            case "html": DossierHtml.Write(dossier, output); break;
            default: DossierMarkdown.Write(dossier, output); break;
        }
    }
}
