using Crosscheck.Core.Model;
using Crosscheck.Stories.Consolidation;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Timeline;

public class TimelineTests
{
    [Fact]
    public void Events_are_ordered_by_date_with_unknown_years_last_and_merged_across_articles()
    {
        var a = StoryDoc.Of("The bridge collapsed on 4 March 2024. Repairs began in 2019 and stalled.", "a")
            .Time("4 March 2024", "2024-03-04").Time("2019", "2019", TimeGranularity.Year).Build();
        var b = StoryDoc.Of("On March 4, 2024 the old bridge collapsed into the river. An inquiry opens on 12 June.", "b")
            .Time("March 4, 2024", "2024-03-04").Time("12 June", "XXXX-06-12").Build();

        var dossier = new DossierBuilder().Build(StoryOf.Documents(a, b), [a, b]);

        Assert.Equal(["2019", "2024-03-04", "XXXX-06-12"], dossier.Timeline.Select(t => t.Date));
        var collapse = dossier.Timeline[1];
        Assert.Equal(["a", "b"], collapse.Articles);
        Assert.Equal("The bridge collapsed on 4 March 2024.", collapse.Text);
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
