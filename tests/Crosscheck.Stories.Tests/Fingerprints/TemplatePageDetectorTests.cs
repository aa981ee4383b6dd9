using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;
using Crosscheck.Stories.Fingerprints;
using Xunit;
using static Crosscheck.Testing.TemplatePageTexts;

namespace Crosscheck.Stories.Tests.Fingerprints;

public sealed class TemplatePageDetectorTests
{
    [Fact]
    public void Two_pages_of_one_notice_under_unrelated_headlines_are_a_template()
    {
        var detector = new TemplatePageDetector();
        Assert.False(detector.Add("Minister resigns over pension reform vote " + Notice));
        Assert.True(detector.Add("Rickshaw driver hands out soap to passengers " + Notice));
    }

    [Theory]
    [InlineData(1, false)] // the first page has left the window when the third comes
    [InlineData(2, true)]
    public void A_page_out_of_the_window_is_forgotten(int window, bool template)
    {
        var detector = new TemplatePageDetector(window);
        Assert.False(detector.Add("Minister resigns over pension reform vote " + Notice));
        Assert.False(detector.Add(Report));
        Assert.Equal(template, detector.Add("Rickshaw driver hands out soap to passengers " + Notice));
    }

    [Fact]
    public void Pages_of_one_notice_past_what_a_shingle_keeps_are_each_found()
    {
        // More pages of one notice than a shingle keeps texts for (the newest 64), each under a headline of words of its own.
        static string Headline(int i) => string.Join(' ', Enumerable.Range(0, 6).Select(k => $"word{i}x{k}"));
        var detector = new TemplatePageDetector();
        Assert.False(detector.Add(Headline(0) + " " + Notice));
        for (var i = 1; i < 100; i++) Assert.True(detector.Add(Headline(i) + " " + Notice), $"page {i}");
    }

    [Theory]
    [InlineData("Harbour blaze: timber warehouse fire closes ferry routes ")] // an own headline whose words recur in the body
    [InlineData("")] // the same text again
    public void A_copy_of_a_report_is_no_template(string headline)
    {
        var detector = new TemplatePageDetector();
        Assert.False(detector.Add("Warehouse fire in the port district " + Report));
        Assert.False(detector.Add(headline + Report));
    }

    [Fact]
    public void A_lightly_edited_copy_is_no_template()
    {
        var detector = new TemplatePageDetector();
        Assert.False(detector.Add(Report));
        Assert.False(detector.Add(Report.Replace("battled", "fought", StringComparison.Ordinal).Replace("forty", "thirty", StringComparison.Ordinal)));
    }

    [Fact]
    public void Texts_sharing_only_a_short_line_are_no_template()
    {
        var detector = new TemplatePageDetector();
        Assert.False(detector.Add(Report + " Share this article with your friends."));
        Assert.False(detector.Add("Share this article with your friends. A second report on an election with many words of its own that tell what happened and who won."));
    }

    [Fact]
    public void By_default_two_template_pages_end_in_stories_of_their_own()
    {
        Document Page(string id, string headline) => new(new Article { Id = id, Source = "test", Title = headline, Body = headline + " " + Notice });
        var off = new StoryClusterer(ClusteringOptions.Default with { TemplatePages = false });
        Assert.Equal(off.Assign(Page("a", "Minister resigns over pension reform vote")), off.Assign(Page("b", "Rickshaw driver hands out soap to passengers")));

        var on = new StoryClusterer(ClusteringOptions.Default);
        Assert.NotEqual(on.Assign(Page("a", "Minister resigns over pension reform vote")), on.Assign(Page("b", "Rickshaw driver hands out soap to passengers")));
        on.Settle();
        Assert.NotEqual(on.StoryOf("a"), on.StoryOf("b"));
    }

    [Fact]
    public void By_default_two_reports_of_one_event_still_join()
    {
        var on = new StoryClusterer(ClusteringOptions.Default);
        var first = on.Assign(new Document(new Article { Id = "a", Source = "test", Title = "Warehouse fire", Body = "Warehouse fire in the port district " + Report }));
        var second = on.Assign(new Document(new Article { Id = "b", Source = "test", Title = "Harbour blaze", Body = "Harbour blaze: timber warehouse fire closes ferry routes " + Report }));
        Assert.Equal(first, second);
    }
}
