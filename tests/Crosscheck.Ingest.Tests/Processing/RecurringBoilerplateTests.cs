using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Extraction.Boilerplate;
using Crosscheck.Ingest.Processing;
using Crosscheck.Storage;
using Crosscheck.Storage.Sqlite;
using Xunit;

namespace Crosscheck.Ingest.Tests.Processing;

/// <summary>The corpus-level pass through a real ingest into a real SQLite store.</summary>
public sealed class RecurringBoilerplateTests : IDisposable
{
    private const string Outlet = "Valley Courier";

    /// <summary>Prose-shaped site furniture that single-page extraction cannot tell from the article.</summary>
    private const string Blurb = "The Valley Courier has reported on the towns of the upper valley since 1921 and is owned by its readers.";

    private const string Quote = "\"We lost everything we built over thirty years in one night,\" the owner of the joinery told reporters outside the gates.";

    private readonly string _dir = Directory.CreateTempSubdirectory("crosscheck-recurring-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly (string Slug, string Title, string Text)[] Unrelated =
    [
        ("bridge", "Bridge closed after crack found",
            "Engineers closed the old river bridge on Monday evening after a routine inspection found a crack in one of its steel girders.\n\nTraffic is being diverted through the town centre, and the county said repairs could take several weeks."),
        ("market", "Farmers' market moves indoors",
            "The weekly farmers' market will move into the old cafe hall from next Saturday, the organisers announced on Tuesday.\n\nStallholders welcomed the change after a winter of rain, wind and empty aisles between the stalls."),
        ("school", "Primary school gets new roof",
            "Pupils at the hillside primary school returned on Wednesday to classrooms that had been closed for a month while the roof was replaced.\n\nThe head teacher thanked parents for their patience during the lessons held in the village hall."),
        ("budget", "Council approves parking charges",
            "Councillors voted by nine to five on Thursday to introduce parking charges at the two car parks beside the lake.\n\nShop owners warned that visitors would simply park on the residential streets instead."),
    ];

    /// <summary>Three versions of one story from the same outlet: an update, then a rewrite, all quoting the owner.</summary>
    private static readonly (string Slug, string Title, string Text)[] FireStory =
    [
        ("fire", "Fire destroys joinery workshop",
            "A fire destroyed a joinery workshop on the industrial estate overnight, and twenty firefighters spent four hours bringing it under control.\n\n" + Quote),
        ("fire-update", "Fire destroys joinery workshop, twelve jobs at risk",
            "A fire destroyed a joinery workshop on the industrial estate overnight, and twenty firefighters spent four hours bringing it under control.\n\n" + Quote +
            "\n\nThe business employed twelve people, and the owner said he hoped to rebuild on the same site."),
        ("fire-cause", "Joinery fire started in dust extractor, investigators say",
            "Fire investigators said on Friday that the blaze at the joinery workshop began in a dust extraction unit that had overheated.\n\n" + Quote),
    ];

    private string WriteBatch(string name, IEnumerable<(string Slug, string Title, string Text)> articles, string outlet, bool withBlurb = true) =>
        TestIngest.WriteOutletBatch(_dir, name, outlet, articles, furniture: withBlurb ? Blurb : null);

    private SqliteStore OpenStore() => SqliteStore.Open(Path.Combine(_dir, "test.db"));

    private static Dictionary<string, Document> ByUrl(IStore store) => store.AllDocuments().ToDictionary(d => d.Article.Url!);

    [Fact]
    public void Blurb_recurring_across_unrelated_pages_is_removed_and_the_quote_of_one_story_kept()
    {
        var path = WriteBatch("courier.jsonl", [.. Unrelated, .. FireStory], Outlet);
        var copy = WriteBatch("other.jsonl", [FireStory[0]], "Hill Times", withBlurb: false);
        using var store = OpenStore();

        var report = TestIngest.Service(store, new RecurringLineFilter()).Ingest([path, copy], IngestHints.None);

        Assert.Equal(8, report.Added);
        Assert.Equal(7, report.RecurringArticles);
        var documents = ByUrl(store);
        foreach (var document in documents.Values.Where(d => d.Article.Outlet == Outlet))
        {
            Assert.DoesNotContain(Blurb, document.Text);
            var record = Assert.Single(document.Diagnostics, d => d.Stage == RecurringBoilerplatePass.StageName);
            Assert.Contains(Blurb, record.Message);
            Assert.Contains("valley courier", record.Message);
            // Layers were rebuilt on the new text.
            Assert.All(document.Sentences, s => Assert.True(s.Span.End <= document.Text.Length));
        }
        foreach (var slug in new[] { "fire", "fire-update", "fire-cause" })
            Assert.Contains(Quote, documents[$"https://valley-courier.example/news/{slug}"].Text);
        Assert.Contains(Quote, documents["https://hill-times.example/news/fire"].Text);
        Assert.DoesNotContain(documents["https://hill-times.example/news/fire"].Diagnostics, d => d.Stage == RecurringBoilerplatePass.StageName);
    }

    [Fact]
    public void Plain_recurrence_count_would_have_removed_the_quote()
    {
        // The guard matters: the quote recurs in as many of the outlet's articles as the threshold asks.
        var bodies = FireStory.Select(f => f.Text).Concat(Unrelated.Select(u => u.Text)).ToList();
        var decision = new RecurringLineFilter().Decide(bodies);

        var quote = Assert.Single(decision.Recurring);
        Assert.Equal(3, quote.Articles);
        Assert.True(quote.Articles >= decision.Needed);
        Assert.False(quote.Boilerplate);
        Assert.Empty(decision.Drop);
    }

    [Fact]
    public void Earlier_articles_are_judged_again_when_later_ingests_reach_the_threshold()
    {
        using var store = OpenStore();
        var service = TestIngest.Service(store, new RecurringLineFilter());

        service.Ingest([WriteBatch("first.jsonl", Unrelated[..2], Outlet)], IngestHints.None);
        Assert.All(store.AllDocuments(), d => Assert.Contains(Blurb, d.Text));

        var report = service.Ingest([WriteBatch("second.jsonl", Unrelated[2..], Outlet)], IngestHints.None);

        Assert.Equal(4, report.RecurringArticles);
        Assert.All(store.AllDocuments(), d => Assert.DoesNotContain(Blurb, d.Text));
        // Ingesting the same again changes nothing.
        var again = service.Ingest([WriteBatch("second.jsonl", Unrelated[2..], Outlet)], IngestHints.None);
        Assert.Equal(0, again.Added);
        Assert.Equal(0, again.RecurringArticles);
    }

    [Fact]
    public void Removals_are_undone_in_place_when_the_decision_changes_and_by_reprocess()
    {
        using var store = OpenStore();
        var original = Unrelated.ToDictionary(u => $"https://valley-courier.example/news/{u.Slug}", u => TestIngest.Extractor.Extract(new RawInput
        {
            Id = u.Slug, Source = u.Slug, Kind = RawKind.Json,
            Content = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { title = u.Title, text = u.Text + "\n\n" + Blurb })),
        }).Body);
        var strict = new RecurringLineFilter(new RecurringLineOptions { MinShare = 0.5 });
        var service = TestIngest.Service(store, strict);

        service.Ingest([WriteBatch("with.jsonl", Unrelated[..3], Outlet)], IngestHints.None);
        Assert.All(store.AllDocuments(), d => Assert.DoesNotContain(Blurb, d.Text));

        // Four more pages without the blurb: three of seven is under half, so it is content again.
        var more = Unrelated.Select(u => (u.Slug + "-2", u.Title + " again", u.Text.Replace("on ", "late on ", StringComparison.Ordinal)));
        service.Ingest([WriteBatch("without.jsonl", more, Outlet, withBlurb: false)], IngestHints.None);
        foreach (var (url, body) in original.Where(o => !o.Key.EndsWith("budget", StringComparison.Ordinal)))
        {
            var document = ByUrl(store)[url];
            Assert.Equal(body, document.Text);
            Assert.DoesNotContain(document.Diagnostics, d => d.Stage == RecurringBoilerplatePass.StageName);
        }

        // Reprocess rebuilds from the raw inputs with whatever filter is configured now.
        TestIngest.Service(store, null).Reprocess();
        Assert.Equal(3, store.AllDocuments().Count(d => d.Text.Contains(Blurb, StringComparison.Ordinal)));
        TestIngest.Service(store, new RecurringLineFilter()).Reprocess();
        Assert.Equal(0, store.AllDocuments().Count(d => d.Text.Contains(Blurb, StringComparison.Ordinal)));
    }
}
