using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Storage;

namespace Crosscheck.Cli.Commands;

public static class StoriesCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Database();
        var json = CommonOptions.Json("the stories");
        var command = new Command("stories", """
            List the stories in the database, largest first, with their articles.

            Example:  crosscheck stories --json
            """)
        { db, json };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var location = result.GetValue(db)!;
            using var store = OpenExisting(location);
            var stories = Ordered(store.GetStories());
            if (result.GetValue(json)) WriteJson(store, stories, Console.Out);
            else WriteTable(store, stories, location);
            return ExitCodes.Ok;
        }));
        return command;
    }

    public static IReadOnlyList<Story> Ordered(IEnumerable<Story> stories) =>
        [.. stories.OrderByDescending(s => s.ArticleIds.Count).ThenBy(s => s.FirstSeen ?? DateTimeOffset.MaxValue).ThenBy(s => s.Id, StringComparer.Ordinal)];

    /// <summary>Reading commands must not create an empty database by accident.</summary>
    public static void RequireExisting(string location)
    {
        if (!Crosscheck.Storage.Postgres.PostgresTarget.IsPostgres(location) && !File.Exists(location))
            throw new UserError($"no database at {location}; create one with `crosscheck ingest PATH --db {location}`");
    }

    /// <summary>The store at <paramref name="location"/>, for a command that reads or rebuilds one: an error, not a new empty store, when there is none.</summary>
    public static IStore OpenExisting(string location)
    {
        RequireExisting(location);
        return Engine.OpenStore(location);
    }

    public static void WriteJson(IStore store, IReadOnlyList<Story> stories, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var story in stories)
            {
                writer.WriteStartObject();
                writer.WriteString("id", story.Id);
                writer.WriteString("title", story.Title);
                WriteDate(writer, "first_seen", story.FirstSeen);
                WriteDate(writer, "last_seen", story.LastSeen);
                writer.WriteStartArray("articles");
                foreach (var id in story.ArticleIds)
                {
                    var article = store.GetDocument(id)?.Article;
                    writer.WriteStartObject();
                    writer.WriteString("id", id);
                    writer.WriteString("source", article?.Source);
                    writer.WriteString("title", article?.Title);
                    writer.WriteString("outlet", article?.Outlet);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateTimeOffset? date)
    {
        if (date is { } value) writer.WriteString(name, value.ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture));
        else writer.WriteNull(name);
    }

    private static void WriteTable(IStore store, IReadOnlyList<Story> stories, string location)
    {
        if (stories.Count == 0)
        {
            Console.WriteLine($"no stories in {CommonOptions.Shown(location)} yet; add articles with `crosscheck ingest PATH{IngestCommand.DbSuffix(location)}`");
            return;
        }
        Console.WriteLine($"{"STORY",-14} {"ARTICLES",8}  {"FIRST SEEN",-10}  TITLE");
        foreach (var story in stories)
        {
            var first = story.FirstSeen?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
            Console.WriteLine($"{ShortId(story.Id),-14} {story.ArticleIds.Count,8}  {first,-10}  {Clipped.Start(story.Title, 80)}");
        }
        Console.WriteLine();
        Console.WriteLine($"{stories.Count} stor{(stories.Count == 1 ? "y" : "ies")}. Read one with `crosscheck dossier STORY{IngestCommand.DbSuffix(location)}` (an id prefix is enough).");
    }

    public static string ShortId(string id) => id.Length <= 12 ? id : id[..12];

}
