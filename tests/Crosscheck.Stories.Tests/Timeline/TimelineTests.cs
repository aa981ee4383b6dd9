using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Timeline;

public class TimelineTests
{
    [Fact]
    public void Events_are_ordered_by_date_and_merged_across_articles()
    {
        var a = StoryDoc.Of("The bridge collapsed on 4 March 2024. Repairs began in 2019 and stalled.", "a")
            .Time("4 March 2024", "2024-03-04").Time("2019", "2019", TimeGranularity.Year).Build();
        var b = StoryDoc.Of("On March 4, 2024 the old bridge collapsed into the river. An inquiry opens on 12 June.", "b")
            .Time("March 4, 2024", "2024-03-04").Time("12 June", "XXXX-06-12").Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a, b), [a, b]);

        // The articles' publication date (2024-03-05) dates the June without a year.
        Assert.Equal(["2019", "2024-03-04", "2024-06-12"], dossier.Timeline.Select(t => t.Date));
        var collapse = dossier.Timeline[1];
        Assert.Equal(["a", "b"], collapse.Articles);
        Assert.Equal("The bridge collapsed on 4 March 2024.", collapse.Text);
    }

    [Fact]
    public void Without_any_date_in_the_story_an_unknown_year_stays_unknown_and_sorts_last()
    {
        var a = StoryDoc.Of("Repairs began in 2019. An inquiry opens on 12 June.", "a").Undated()
            .Time("2019", "2019", TimeGranularity.Year).Time("12 June", "XXXX-06-12").Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a), [a]);

        Assert.Equal(["2019", "XXXX-06-12"], dossier.Timeline.Select(t => t.Date));
        Assert.All(dossier.Timeline, entry => Assert.Null(entry.DateNote));
    }

    [Fact]
    public void Without_a_publication_date_the_storys_latest_event_with_a_year_dates_the_others()
    {
        var a = StoryDoc.Of("The dam broke on 2 May 2023. The inquiry opens on 12 June.", "a").Undated()
            .Time("2 May 2023", "2023-05-02").Time("12 June", "XXXX-06-12").Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a), [a]);

        Assert.Equal(["2023-05-02", "2023-06-12"], dossier.Timeline.Select(t => t.Date));
        Assert.Empty(dossier.UndatedArticles);
    }

    [Fact]
    public void A_date_without_a_year_takes_the_year_nearest_the_stories_publication_dates_and_says_so()
    {
        var published = new DateTimeOffset(2021, 9, 27, 10, 0, 0, TimeSpan.Zero);
        var a = StoryDoc.Of("The minister visited the port on September 1. Work ends by January. The strike began in May.", "a", published: published)
            .Time("September 1", "XXXX-09-01").Time("January", "XXXX-01", TimeGranularity.Month).Time("May", "XXXX-05", TimeGranularity.Month).Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a), [a]);

        Assert.Equal(["2021-05", "2021-09-01", "2022-01"], dossier.Timeline.Select(t => t.Date));
        Assert.All(dossier.Timeline, entry => Assert.Equal(TimelineBuilderNote, entry.DateNote));
    }

    private const string TimelineBuilderNote = Crosscheck.Stories.Timeline.TimelineBuilder.InferredYearNote;

    [Theory]
    [InlineData("XXXX-12-30", "2022-01-05", "2021-12-30")]
    [InlineData("XXXX-02-29", "2021-03-01", "2020-02-29")]
    [InlineData("XXXX-W41", "2021-10-20", null)]
    [InlineData("2019-05", "2021-10-20", null)]
    public void A_missing_year_is_the_one_nearest_the_story_date(string value, string storyDate, string? expected) =>
        Assert.Equal(expected, Crosscheck.Stories.Timeline.TimelineBuilder.WithInferredYear(value, DateOnly.Parse(storyDate, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void An_undated_article_gets_the_range_of_its_storys_dated_articles_or_starts_at_its_latest_event()
    {
        var first = StoryDoc.Of("The ferry stopped on Monday.", "first", published: new DateTimeOffset(2024, 3, 4, 8, 0, 0, TimeSpan.Zero)).Build();
        var last = StoryDoc.Of("The ferry runs again.", "last", published: new DateTimeOffset(2024, 3, 9, 8, 0, 0, TimeSpan.Zero)).Build();
        var plain = StoryDoc.Of("The ferry is stopped. A vote is due in May 2025.", "plain").Undated().Time("May 2025", "2025-05", TimeGranularity.Month).Build();
        var later = StoryDoc.Of("Talks were held on 6 March.", "later").Undated().Time("6 March", "XXXX-03-06").Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(first, last, plain, later), [first, last, plain, later]);

        Assert.Equal(2, dossier.UndatedArticles.Count);
        var plainRange = dossier.UndatedArticles.Single(r => r.Article == "plain");
        // A later date ("a vote is due in May 2025") may be a plan: it bounds nothing.
        Assert.Equal(("2024-03-04", "2024-03-09"), (plainRange.From, plainRange.To));
        var laterRange = dossier.UndatedArticles.Single(r => r.Article == "later");
        Assert.Equal(("2024-03-06", "2024-03-09"), (laterRange.From, laterRange.To));
        Assert.Contains("latest event", laterRange.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Differently_worded_sentences_naming_the_same_thing_next_to_the_date_are_one_event()
    {
        var a = StoryDoc.Of("Following the May 2019 flood, the dam was rebuilt by engineers.", "a").Time("May 2019", "2019-05", TimeGranularity.Month).Build();
        var b = StoryDoc.Of("Villages were evacuated after the flood in May 2019 destroyed the dam.", "b").Time("May 2019", "2019-05", TimeGranularity.Month).Build();
        var c = StoryDoc.Of("Engineers held a strike in May 2019 over unpaid wages.", "c").Time("May 2019", "2019-05", TimeGranularity.Month).Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a, b, c), [a, b, c]);

        Assert.Equal(2, dossier.Timeline.Count);
        Assert.Equal(["a", "b"], dossier.Timeline[0].Articles);
        Assert.Equal(["c"], dossier.Timeline[1].Articles);
    }

    [Fact]
    public void Different_events_on_one_date_stay_apart()
    {
        var a = StoryDoc.Of("Parliament voted on the budget on 4 March 2024.", "a").Time("4 March 2024", "2024-03-04").Build();
        var b = StoryDoc.Of("A storm flooded coastal towns on 4 March 2024.", "b").Time("4 March 2024", "2024-03-04").Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a, b), [a, b]);

        Assert.Equal(2, dossier.Timeline.Count);
    }

    [Fact]
    public void Values_that_are_not_ISO_dates_and_unsure_expressions_are_left_out()
    {
        var doc = StoryDoc.Of("It happened at dawn, during the holidays.", "a").Build();
        doc.TimeExpressions = [new TimeExpression(doc.Find("dawn"), "T06", TimeGranularity.Day), new TimeExpression(doc.Find("holidays"), "2023-12", TimeGranularity.Month, Confidence: 0.1f)];

        var dossier = new DossierBuilder().Build(StoryOf.Documents(doc), [doc]);

        Assert.Empty(dossier.Timeline);
    }
}
