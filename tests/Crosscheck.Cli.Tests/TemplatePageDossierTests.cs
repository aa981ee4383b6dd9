using System.Text.Json;
using Xunit;
using static Crosscheck.Testing.TemplatePageTexts;

namespace Crosscheck.Cli.Tests;

/// <summary>
/// Through the real program: two pages of one consent notice under unrelated headlines (written for this test) and a news
/// report are ingested; the later notice page is placed as a template page, alone in its story, and its dossier says so in
/// the JSON and in the Markdown and HTML reports; the earlier page (placed before its twin came) and the report do not.
/// </summary>
public sealed class TemplatePageDossierTests : IDisposable
{
    private const string Minister = "Minister resigns over pension reform vote";
    private const string Rickshaw = "Rickshaw driver hands out soap to passengers";
    private const string Fire = "Warehouse fire closes ferry routes";

    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-template-").FullName;

    private string Db => Path.Combine(_dir, "test.db");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private CliRunner.Result Run(params string[] args) => CliRunner.Run(_dir, args);

    [Fact]
    public void The_later_page_of_a_shared_notice_is_marked_a_template_page_in_its_dossier_and_the_others_are_not()
    {
        var input = Path.Combine(_dir, "pages.jsonl");
        File.WriteAllLines(input,
        [
            Record("https://harbour-gazette.test/politics/1", Minister, Minister + ".\n\n" + Notice),
            Record("https://valley-courier.test/life/2", Rickshaw, Rickshaw + ".\n\n" + Notice),
            Record("https://coast-wire.test/news/3", Fire, Report),
        ]);
        var ingest = Run("ingest", input, "--db", Db);
        Assert.True(ingest.ExitCode == 0, ingest.Err);

        var stories = JsonDocument.Parse(Run("stories", "--db", Db, "--json").Out).RootElement.EnumerateArray()
            .ToDictionary(s => s.GetProperty("articles")[0].GetProperty("title").GetString()!, s => (Id: s.GetProperty("id").GetString()!, Articles: s.GetProperty("articles").GetArrayLength()));
        // The template page stands alone; the first notice page and the report are stories of their own too (nothing joins them).
        Assert.Equal(3, stories.Count);
        Assert.All(stories.Values, s => Assert.Equal(1, s.Articles));

        bool? Mark(string title)
        {
            var dossier = Run("dossier", stories[title].Id, "--db", Db, "--json");
            Assert.True(dossier.ExitCode == 0, dossier.Err);
            var mark = JsonDocument.Parse(dossier.Out).RootElement.GetProperty("articles")[0].GetProperty("template_page");
            return mark.ValueKind == JsonValueKind.Null ? null : mark.GetBoolean();
        }
        Assert.True(Mark(Rickshaw));
        Assert.False(Mark(Minister));
        Assert.False(Mark(Fire));

        var markdown = Run("dossier", stories[Rickshaw].Id, "--db", Db).Out;
        Assert.Contains("template page: its text is mostly a block another page shares", markdown, StringComparison.Ordinal);
        Assert.Contains("<p class=\"template-page\">", Run("dossier", stories[Rickshaw].Id, "--db", Db, "--html").Out, StringComparison.Ordinal);
        Assert.DoesNotContain("template page", Run("dossier", stories[Minister].Id, "--db", Db).Out, StringComparison.Ordinal);
        Assert.DoesNotContain("template page", Run("dossier", stories[Fire].Id, "--db", Db).Out, StringComparison.Ordinal);
    }

    private static string Record(string url, string title, string text) => JsonSerializer.Serialize(new { url, title, text });
}
