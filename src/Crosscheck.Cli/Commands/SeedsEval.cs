using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Evaluation.Seeds;
using Crosscheck.Storage;

namespace Crosscheck.Cli.Commands;

/// <summary>`eval seeds`: ingest the seed articles (or use a given store) and score their dossier.</summary>
public static class SeedsEval
{
    public static int Run(string? expectedPath, string? database, TextWriter output)
    {
        var expectedFile = expectedPath ?? SharedFolders.Find("seeds", "expected.json")
            ?? throw new UserError("no expected.json found; pass --expected ../shared/seeds/expected.json");
        if (!File.Exists(expectedFile)) throw new UserError($"{expectedFile}: no such file");
        using var expected = ReadExpected(expectedFile);
        var seedFiles = Shaped(expectedFile, () => expected.RootElement.TryGetProperty("one_story", out var oneStory)
            ? oneStory.EnumerateArray().Select(e => e.GetString()!).ToHashSet()
            : []);

        var temp = database is null ? TempStore.Create() : null;
        try
        {
            using var store = Engine.OpenStore(database ?? temp!.DatabasePath);
            if (database is null)
            {
                var seedsDir = Path.GetDirectoryName(Path.GetFullPath(expectedFile))!;
                var files = Directory.EnumerateFiles(seedsDir, "*.txt").Order(StringComparer.Ordinal).ToList();
                var report = Engine.Ingest(store).Ingest(files, IngestHints.None);
                foreach (var error in report.Errors) output.WriteLine(OneLine.Of($"error: {error}"));
            }
            return Score(store, expectedFile, expected.RootElement, seedFiles, output);
        }
        finally
        {
            temp?.Dispose();
        }
    }

    /// <summary>What a user may be pointed to when the file they passed is not an expectations file.</summary>
    private const string Fix = "pass the seeds' own file, e.g. --expected ../shared/seeds/expected.json, or compare yours with it";

    /// <summary>The expectations file parsed, or a user error naming it: not JSON, or not a JSON object.</summary>
    private static JsonDocument ReadExpected(string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new UserError($"{path}: is not valid JSON ({ex.Message.Split(". ")[0].TrimEnd('.')}); {Fix}");
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind.ToString().ToLowerInvariant();
            document.Dispose();
            throw new UserError($"{path}: is a JSON {kind}, not an object of expectations (\"one_story\", \"claims\", …); {Fix}");
        }
        return document;
    }

    /// <summary>Reads part of the expectations, turning a value of the wrong JSON type into a user error naming the file.</summary>
    private static T Shaped<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new UserError($"{path}: an expectation is not in the shape `eval seeds` reads ({ex.Message}); {Fix}");
        }
    }

    private static int Score(IStore store, string expectedFile, JsonElement expected, HashSet<string> seedFiles, TextWriter output)
    {
        var stories = StoriesCommand.Ordered(store.GetStories());
        var storiesText = new StringWriter();
        StoriesCommand.WriteJson(store, stories, storiesText);
        // The story to judge is the one holding most of the expected articles.
        var story = stories
            .OrderByDescending(s => s.ArticleIds.Count(id => seedFiles.Contains(Path.GetFileName(store.GetDocument(id)?.Article.Source ?? ""))))
            .FirstOrDefault() ?? throw new UserError("the store holds no stories to score");
        var dossierText = new StringWriter();
        DossierCommand.Write(Engine.BuildDossier(store, story), "json", dossierText);

        using var storiesJson = JsonDocument.Parse(storiesText.ToString());
        using var dossierJson = JsonDocument.Parse(dossierText.ToString());
        var evaluator = new SeedsEvaluator(expected);
        Shaped(expectedFile, () =>
        {
            evaluator.Score(storiesJson.RootElement, dossierJson.RootElement);
            return true;
        });
        if (evaluator.Total == 0) throw new UserError($"{expectedFile}: holds none of the expectations `eval seeds` checks (\"one_story\", \"claims\", \"quotes\", …), so nothing was scored; {Fix}");
        foreach (var miss in evaluator.Misses) output.WriteLine($"miss: {miss}");
        output.WriteLine($"seeds: {evaluator.Held}/{evaluator.Total} expectations held");
        return ExitCodes.Ok;
    }
}

/// <summary>A database in a fresh temporary directory, deleted on dispose (demo and evaluations).</summary>
public sealed class TempStore : IDisposable
{
    private TempStore(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    public string DatabasePath => Path.Combine(Directory, "crosscheck.db");

    public static TempStore Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "crosscheck-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        return new TempStore(directory);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; never fail a command over it.
        }
    }
}
