using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Provenance;

public class OriginTests
{
    private static Claim OnlyClaim(Document document, Func<string, string?>? copyOf = null) =>
        Assert.Single(new DossierBuilder(copyOf: copyOf).Build(StoryOf.Documents(document), [document]).Claims);

    [Fact]
    public void The_outlet_cited_in_the_sentence_is_the_origin()
    {
        var doc = StoryDoc.Of("Rescuers found 12 survivors, Associated Press reported. Other outlets are cited elsewhere.\n\nAgence Nord said the search goes on.", "a", "Harbour Times")
            .Count("12 survivors", 12, "survivors").Cite("Associated Press", "Associated Press").Cite("Agence Nord", "Agence Nord").Build();

        Assert.Equal(["Associated Press"], OnlyClaim(doc).Origins);
    }

    [Fact]
    public void The_outlet_cited_in_the_paragraph_is_the_origin_when_the_sentence_cites_none()
    {
        var doc = StoryDoc.Of("According to Agence Nord, the search went on. Rescuers found 12 survivors.\n\nAssociated Press described the scene. It was cold.", "a", "Harbour Times")
            .Count("12 survivors", 12, "survivors").Cite("According to Agence Nord", "Agence Nord").Cite("Associated Press", "Associated Press").Build();

        Assert.Equal(["Agence Nord"], OnlyClaim(doc).Origins);
    }

    [Fact]
    public void An_article_naming_one_main_source_traces_its_uncited_claims_to_it()
    {
        var doc = StoryDoc.Of("Agence Nord reported a landslide.\n\nRescuers found 12 survivors.\n\nAgence Nord added that roads were closed.", "a", "Harbour Times")
            .Count("12 survivors", 12, "survivors").Cite("Agence Nord reported", "Agence Nord").Cite("Agence Nord added", "Agence Nord").Build();

        Assert.Equal(["Agence Nord"], OnlyClaim(doc).Origins);
    }

    [Fact]
    public void Sources_that_are_not_outlets_do_not_become_origins()
    {
        var doc = StoryDoc.Of("Rescuers found 12 survivors, local officials said.", "a", "Harbour Times")
            .Count("12 survivors", 12, "survivors").Cite("local officials", "local officials", isOutlet: false).Build();

        Assert.Equal(["Harbour Times"], OnlyClaim(doc).Origins);
    }

    [Fact]
    public void Without_an_outlet_the_web_host_names_the_origin()
    {
        var doc = StoryDoc.Of("Rescuers found 12 survivors.", "https://www.valley-news.example/2024/rescue").Count("12 survivors", 12, "survivors").Build();

        Assert.Equal(["valley-news.example"], OnlyClaim(doc).Origins);
    }

    [Fact]
    public void Text_files_of_unknown_outlets_are_distinct_origins_never_named_by_their_file_names()
    {
        var first = StoryDoc.Of("Rescuers found 12 survivors on the ridge.", "inbox/000_first.txt").Count("12 survivors", 12, "survivors").Build();
        var second = StoryDoc.Of("By nightfall rescuers had found 12 survivors.", "inbox/001_second.txt").Count("12 survivors", 12, "survivors").Build();

        var claim = Assert.Single(new DossierBuilder().Build(StoryOf.Documents(first, second), [first, second]).Claims);

        // Numbered as in the dossier's article list.
        Assert.Equal(["unknown outlet [1]", "unknown outlet [2]"], claim.Origins.Order(StringComparer.Ordinal));
        Assert.Equal("unknown outlet", Crosscheck.Stories.Provenance.ArticleOutlet.Of(first.Article));
    }

    [Fact]
    public void A_lone_article_of_an_unknown_outlet_is_the_unknown_outlet()
    {
        var doc = StoryDoc.Of("Rescuers found 12 survivors.", "scraped/000_2e6534.txt").Count("12 survivors", 12, "survivors").Build();

        Assert.Equal(["unknown outlet"], OnlyClaim(doc).Origins);
    }

    [Fact]
    public void A_failing_syndication_lookup_does_not_lose_the_dossier()
    {
        var doc = StoryDoc.Of("Rescuers found 12 survivors.", "a", "Harbour Times").Count("12 survivors", 12, "survivors").Build();

        Assert.Equal(["Harbour Times"], OnlyClaim(doc, _ => throw new InvalidOperationException("index offline")).Origins);
    }

    [Fact]
    public void Citations_list_each_articles_cited_outlets_by_their_story_name()
    {
        var a = StoryDoc.Of("The Associated Press reported the landslide.", "a").Cite("The Associated Press", "The Associated Press").Build();
        var b = StoryDoc.Of("AP said roads were closed. Agence Nord agreed.", "b").Cite("AP", "AP").Cite("Agence Nord", "Agence Nord").Build();
        var c = StoryDoc.Of("Nothing is cited here.", "c").Build();
        var a2 = StoryDoc.Of("Associated Press photographers were there.", "d").Cite("Associated Press", "Associated Press").Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a, b, c, a2), [a, b, c, a2]);

        Assert.Equal(3, dossier.Citations.Count);
        Assert.Equal(["Associated Press"], dossier.Citations.Single(x => x.Article == "a").Cites);
        Assert.Equal(["Associated Press", "Agence Nord"], dossier.Citations.Single(x => x.Article == "b").Cites);
    }

    private const string Report =
        "Rescuers found 12 survivors under the collapsed hillside road late on Tuesday, and crews with dogs kept " +
        "searching the mud through the night while volunteers brought food and blankets to the families waiting " +
        "at the school that the town council had opened as a shelter for everyone who lost a home.";

    [Fact]
    public void A_verbatim_copy_found_among_the_story_articles_adds_no_independent_origin()
    {
        var day = new DateTimeOffset(2024, 5, 7, 6, 0, 0, TimeSpan.Zero);
        Document Published(string id, string outlet, DateTimeOffset at) =>
            StoryDoc.Of(Report, id, outlet, at).Count("12 survivors", 12, "survivors").Build();
        // The copy is listed first: the original is found by publication time, not story order.
        var copy = Published("copy", "Valley Post", day.AddHours(5));
        var original = Published("original", "Harbour Times", day);
        var story = StoryOf.Documents(copy, original);

        var withCopies = new DossierBuilder().Build(story, [copy, original]);
        var detected = Assert.Single(withCopies.Claims);
        var withoutDetection = new DossierBuilder(DossierBuilderOptions.Default with { DetectCopies = false }).Build(story, [copy, original]);
        var undetected = Assert.Single(withoutDetection.Claims);

        Assert.Equal(["Harbour Times"], detected.Origins);
        Assert.Equal(["Harbour Times", "Valley Post"], undetected.Origins.Order());
        // The copy stays in the story, marked with its original and the share of its text found there.
        Assert.Equal(2, withCopies.Articles.Count);
        Assert.Equal(new DossierCopy("copy", "original", 1.0), Assert.Single(withCopies.Copies));
        Assert.Empty(withoutDetection.Copies);
    }

    [Fact]
    public void A_caller_given_copy_link_marks_the_copy_with_an_unknown_share_and_a_failing_lookup_marks_none()
    {
        var first = StoryDoc.Of(Report, "first", "Harbour Times").Count("12 survivors", 12, "survivors").Build();
        var second = StoryDoc.Of("Twelve were found. " + Report, "second", "Valley Post").Count("12 survivors", 12, "survivors").Build();
        var story = StoryOf.Documents(first, second);

        var given = new DossierBuilder(copyOf: id => id == "second" ? "first" : null).Build(story, [first, second]);
        var failing = new DossierBuilder(copyOf: _ => throw new InvalidOperationException("lookup down")).Build(story, [first, second]);

        Assert.Equal(new DossierCopy("second", "first", null), Assert.Single(given.Copies));
        Assert.Equal(["Harbour Times"], Assert.Single(given.Claims).Origins);
        Assert.Empty(failing.Copies);
        Assert.Equal(["Harbour Times", "Valley Post"], Assert.Single(failing.Claims).Origins.Order());
    }
}
