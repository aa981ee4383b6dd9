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

    /// <summary>A charity's boilerplate closing sentence (27 words) that three short reports of unrelated events end in.</summary>
    private const string Boilerplate =
        " Amber Relief is an independent charity founded in 1987 that provides emergency shelter, food and clean water to families displaced by floods and storms across the region.";

    [Fact]
    public void Short_reports_ending_in_one_shared_sentence_keep_their_features()
    {
        // Each report's own text (23 to 28 words) is about as long as the sentence they share: the block covers half of each, not
        // most of it (before tidy11 the third, whose shared shingles were over half of its own, was taken for a template page).
        string[] reports =
        [
            "Floodwater closed the main road into Marrick Ford on Tuesday and forty people spent the night in the school gym, the mayor said.",
            "A landslide blocked the railway line north of Pellow on Wednesday morning; no train was on the track and engineers expect to reopen it by Friday.",
            "Fishermen in Carrow Bay kept their boats in harbour for a third day as gales battered the coast, the harbour master said.",
        ];
        var detector = new TemplatePageDetector();
        foreach (var report in reports) Assert.False(detector.Add(report + Boilerplate), report);
    }

    [Fact]
    public void A_headline_under_the_same_boilerplate_is_still_a_template()
    {
        // The same sentence under a headline alone is most of the page: a template, as a notice under a headline is.
        var detector = new TemplatePageDetector();
        Assert.False(detector.Add("Fishermen in Carrow Bay kept their boats in harbour for a third day as gales battered the coast, the harbour master said." + Boilerplate));
        Assert.True(detector.Add("Landslide blocks railway line north of Pellow" + Boilerplate));
    }

    /// <summary>Headlines of a local site's pages (no word of one recurs in the others or in the site's chrome below).</summary>
    private static readonly string[] Headlines =
        ["Council approves new bus lane on Harrow Street", "Ferry timetable changes for the winter season", "Bakery wins regional bread award", "Storm damages roof of the village church"];

    private const string LoginWall =
        "Sign in to continue reading. This article is available to subscribers only. Enter your email address and password to log in, " +
        "or create a free account to read three articles a month. Forgot your password? We will send you a link to reset it. " +
        "Subscribe now for full access to all our journalism on any device.";

    private const string Header = "Home News Sport Business Culture Weather Podcasts Newsletters Search Menu Your paper since 1891 Subscribe from one pound a week ";

    private const string Footer =
        " About us Contact the newsroom Advertise with us Terms of use Privacy policy Cookie settings Corrections Complaints Copyright 2026 Tannock Press Limited All rights reserved";

    public static TheoryData<string, string[]> TemplatePages() => new()
    {
        { "login wall under a headline", Headlines.Select(h => h + ". " + LoginWall).ToArray() },
        { "cookie notice under a headline", Headlines.Select(h => h + " " + Notice).ToArray() },
        { "a site's header and footer around a headline", Headlines.Select(h => Header + h + Footer).ToArray() },
        {
            "a site's header and footer around a headline and a line of its own",
            [
                Header + Headlines[0] + ". Cyclists asked for it for years." + Footer,
                Header + Headlines[1] + ". Crossings end earlier in November." + Footer,
                Header + Headlines[2] + ". The judges praised a rye loaf." + Footer,
                Header + Headlines[3] + ". Slates fell into the churchyard overnight." + Footer,
            ]
        },
    };

    [Theory]
    [MemberData(nameof(TemplatePages))]
    public void The_same_block_on_many_pages_with_little_text_of_their_own_is_still_a_template(string kind, string[] pages)
    {
        var detector = new TemplatePageDetector();
        Assert.False(detector.Add(pages[0]), kind);
        foreach (var page in pages.Skip(1)) Assert.True(detector.Add(page), $"{kind}: {page}");
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

    public static TheoryData<string> HandWrittenTexts()
    {
        var longText = string.Join(" ", Enumerable.Range(0, 5_300).Select(i => "Wort" + (i % 97) + (i % 5 == 0 ? " Zürich" : "")));
        return new TheoryData<string>
        {
            "",
            "Three short words",
            "Four words are here",
            Notice,
            "Minister resigns over pension reform vote " + Notice,
            "Le président a quitté l'Élysée à 9h30, dit-il: « Ça suffit ». Über 1.000,5 Menschen in Zürich; Лавров встретился с министром в Москве.",
            "Reid's deal in Ankara'da: the firm's 2,500 staff, its CEO's pay and a ‘quote’ repeat. The firm's staff repeat: the firm's staff repeat.",
            longText,
        };
    }

    [Theory]
    [MemberData(nameof(HandWrittenTexts))]
    public void The_prepared_entry_equals_the_one_built_on_the_spot(string text)
    {
        var expected = Reference(text);
        var onTheSpot = TemplatePageDetector.Entry.Of(text);
        SameEntry(expected, onTheSpot);
        SameEntry(expected, TemplatePageDetector.Prepare(text, null, out var none));
        Assert.Null(none);
        foreach (var options in new[] { SyndicationOptions.Default, SyndicationOptions.Default with { MaxShingles = 10 }, SyndicationOptions.Default with { ShingleWords = 3 } })
        {
            var syndication = new SyndicationDetector(options);
            SameEntry(expected, TemplatePageDetector.Prepare(text, syndication, out var fingerprint));
            var alone = syndication.Fingerprint(text);
            Assert.Equal(alone.Shingles, fingerprint!.Shingles);
            Assert.Equal(alone.BandKeys, fingerprint.BandKeys);
        }
    }

    [Fact]
    public void Prepared_texts_get_the_answers_of_texts_added_on_the_spot()
    {
        string[] texts =
        [
            "Minister resigns over pension reform vote " + Notice, Report, "Rickshaw driver hands out soap to passengers " + Notice,
            "Harbour blaze: timber warehouse fire closes ferry routes " + Report, "Minister resigns over pension reform vote " + Notice,
        ];
        var (spot, prepared) = (new TemplatePageDetector(), new TemplatePageDetector());
        var answers = texts.Select(t => (spot.Add(t), prepared.Add(TemplatePageDetector.Prepare(t, new SyndicationDetector(), out _), t))).ToList();
        Assert.All(answers, a => Assert.Equal(a.Item1, a.Item2));
        Assert.Contains(answers, a => a.Item1);
        // One prepared entry placed twice counts as two texts, as two calls with the text do.
        var entry = TemplatePageDetector.Prepare(texts[0], null, out _);
        var twice = new TemplatePageDetector();
        Assert.False(twice.Add(entry, texts[0]));
        Assert.False(twice.Add(entry, texts[0]));
        Assert.True(twice.Add(TemplatePageDetector.Prepare(texts[2], null, out _), texts[2]));
    }

    /// <summary>The entry as the detector built it before the prepared path: every word folded, then hashed.</summary>
    private static (ulong[] Words, bool[] Content, ulong[] Set) Reference(string text)
    {
        var tokens = Words.Scan(text, 5_000);
        var folded = tokens.Select(t => Words.Fold(text.AsSpan(t.Start, t.Length))).ToArray();
        var words = folded.Select(f => MinHash.HashFolded(f)).ToArray();
        var content = tokens.Select((t, i) => !t.IsNumber && folded[i].Length >= TemplatePageDetector.ContentWordLength).ToArray();
        var set = Enumerable.Range(0, Math.Max(0, words.Length - 3)).Select(i => MinHash.Shingle(words.AsSpan(i, 4))).Distinct().Order().ToArray();
        return (words, content, set);
    }

    private static void SameEntry((ulong[] Words, bool[] Content, ulong[] Set) expected, TemplatePageDetector.Entry entry)
    {
        Assert.Equal(expected.Words, entry.Words);
        Assert.Equal(expected.Content, entry.Content);
        Assert.Equal(expected.Set, entry.Set);
    }
}
