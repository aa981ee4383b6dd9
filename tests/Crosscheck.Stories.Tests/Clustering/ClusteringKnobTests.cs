using Crosscheck.Core.Model;
using Crosscheck.Stories.Clustering;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Stories.Tests.Clustering;

/// <summary>
/// Tests of their own for the most used <see cref="ClusteringOptions"/> that no test named: the channel weights
/// (<see cref="ClusteringOptions.TermWeight"/>, <see cref="ClusteringOptions.EntityWeight"/>, <see cref="ClusteringOptions.SpecificsWeight"/>),
/// the time window (<see cref="ClusteringOptions.TimeGraceDays"/>, <see cref="ClusteringOptions.TimeDecayDays"/>), a story's idle limits
/// (<see cref="ClusteringOptions.MaxIdleDays"/>, <see cref="ClusteringOptions.MaxIdleArrivals"/>) and <see cref="ClusteringOptions.TitleBoost"/>.
/// Each compares or clusters a few built flood reports with the option set and not, and fails when the setting changes nothing.
/// tidy9 added, the same way: how words count by where they stand (<see cref="ClusteringOptions.LeadBoost"/>, <see cref="ClusteringOptions.LeadWords"/>,
/// <see cref="ClusteringOptions.LeadMinLineWords"/>, <see cref="ClusteringOptions.ChromeLineWeight"/>, <see cref="ClusteringOptions.ChromeMaxWords"/>,
/// <see cref="ClusteringOptions.MaxWordsPerDocument"/>), how names and figures weigh (<see cref="ClusteringOptions.PlaceBoost"/>,
/// <see cref="ClusteringOptions.MaxDroppedWeight"/>, <see cref="ClusteringOptions.SpecificsConflictMinimum"/>, <see cref="ClusteringOptions.SpecificsConflictCosine"/>,
/// <see cref="ClusteringOptions.NamesAgreeCosine"/>), the cross-language lifts (<see cref="ClusteringOptions.CrossLanguageTermScale"/>,
/// <see cref="ClusteringOptions.CrossLanguageEntityScale"/>, <see cref="ClusteringOptions.CrossLanguageSharedNames"/>), <see cref="ClusteringOptions.AnalysedLanguages"/>
/// and the candidate lookup (<see cref="ClusteringOptions.IndexTermsPerDocument"/>, <see cref="ClusteringOptions.IndexEntitiesPerDocument"/>,
/// <see cref="ClusteringOptions.IndexSpecificsPerDocument"/>, <see cref="ClusteringOptions.PostingScanLimit"/>), on texts written for them.
/// tidy10 added the knobs of a story's shape and its split (ClusteringKnobTests.Stories.cs).
/// </summary>
public sealed partial class ClusteringKnobTests
{
    private static readonly DateTimeOffset Day0 = StoryClustererTests.Day0;

    private static ClusteringOptions Options => ClusteringOptions.Default with { UseSyndication = false };

    /// <summary>The Ostrava Vale flood report with its names marked.</summary>
    private static Document Flood(string id = "a", DateTimeOffset? published = null) =>
        Docs.Of(StoryClustererTests.FloodA, id, published: published ?? Day0)
            .Naming("Elsa Kovarik", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc).Naming("Varnel", EntityType.Loc);

    /// <summary>A report of the same flood, written otherwise.</summary>
    private static Document SameFlood(string id = "b", DateTimeOffset? published = null) =>
        Docs.Of(StoryClustererTests.FloodB, id, published: published ?? Day0)
            .Naming("Elsa Kovarik", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc).Naming("Varnel", EntityType.Loc);

    /// <summary>A flood elsewhere written alike: the same words, other names and figures.</summary>
    private static Document OtherFlood(string id = "o") =>
        Docs.Of(StoryClustererTests.OtherFloodA, id, published: Day0)
            .Naming("Tomas Brenner", EntityType.Person).Naming("Marrick Ford", EntityType.Loc).Naming("Dellow", EntityType.Loc);

    [Theory]
    [InlineData(nameof(ClusteringOptions.TermWeight), true)] // the look-alike shares its words: it scores higher
    [InlineData(nameof(ClusteringOptions.EntityWeight), false)] // it shares no name: lower
    [InlineData(nameof(ClusteringOptions.SpecificsWeight), false)] // nor any figure: lower
    public void A_channel_weighed_more_moves_a_look_alikes_score_as_that_channel_says(string channel, bool up)
    {
        var heavier = channel switch
        {
            nameof(ClusteringOptions.TermWeight) => Options with { TermWeight = Options.TermWeight * 3 },
            nameof(ClusteringOptions.EntityWeight) => Options with { EntityWeight = Options.EntityWeight * 3 },
            _ => Options with { SpecificsWeight = Options.SpecificsWeight * 3 },
        };
        var before = new StoryClusterer(Options).CompareChannels(Flood(), OtherFlood());
        var after = new StoryClusterer(heavier).Compare(Flood(), OtherFlood());

        // All three channels are there to weigh, and they disagree: the words match more than the names and the figures.
        Assert.True(before.Terms > before.Entities && before.Terms > before.Specifics, $"{before}");
        Assert.Equal(up, after > before.Score + 0.01);
        Assert.Equal(!up, after < before.Score - 0.01);
    }

    [Fact]
    public void Reports_days_apart_lose_score_only_beyond_the_grace_days_and_less_with_slower_decay()
    {
        var sameDay = new StoryClusterer(Options).Compare(Flood(), SameFlood());
        double SixDaysLater(ClusteringOptions options) => new StoryClusterer(options).Compare(Flood(), SameFlood(published: Day0.AddDays(6)));

        var defaults = SixDaysLater(Options);
        var withinGrace = SixDaysLater(Options with { TimeGraceDays = 7 });
        var slowDecay = SixDaysLater(Options with { TimeDecayDays = Options.TimeDecayDays * 10 });

        Assert.True(defaults < sameDay - 0.01, $"{defaults} against {sameDay}");
        Assert.Equal(sameDay, withinGrace, 9);
        Assert.InRange(slowDecay, defaults + 0.01, sameDay - 1e-6);
    }

    [Theory]
    [InlineData(30, false)] // forty days idle: the story has left the index, the second report opens its own
    [InlineData(60, true)]
    public void A_story_idle_longer_than_the_idle_days_is_not_joined(double maxIdleDays, bool joined)
    {
        // No decay with time, so only the idle limit can keep the two reports apart.
        var clusterer = new StoryClusterer(Options with { TimeDecayDays = 1e9, MaxIdleDays = maxIdleDays });

        var first = clusterer.Assign(Flood());
        var second = clusterer.Assign(SameFlood(published: Day0.AddDays(40)));

        Assert.Equal(joined, first == second);
    }

    [Theory]
    [InlineData(1, false)] // two arrivals since the story's last article: it has left the index
    [InlineData(2, true)]
    public void An_undated_story_idle_for_more_arrivals_than_the_limit_is_not_joined(int maxIdleArrivals, bool joined)
    {
        var clusterer = new StoryClusterer(Options with { MaxIdleArrivals = maxIdleArrivals });

        var first = clusterer.Assign(Docs.Of(StoryClustererTests.FloodA, "a"));
        clusterer.Assign(Docs.Of(StoryClustererTests.Trade, "t"));
        var second = clusterer.Assign(Docs.Of(StoryClustererTests.FloodB, "b"));

        Assert.Equal(joined, first == second);
    }

    [Fact]
    public void Shared_title_words_count_as_many_times_as_the_title_boost_says()
    {
        // Two unrelated bodies under one headline: only the title's words are shared.
        const string Title = "Varnel river floods Ostrava Vale";
        double Score(double boost) => new StoryClusterer(Options with { TitleBoost = boost })
            .Compare(Docs.Of(StoryClustererTests.FloodA, "a", published: Day0, title: Title), Docs.Of(StoryClustererTests.Trade, "t", published: Day0, title: Title));

        Assert.True(Score(1) < Score(Options.TitleBoost) - 0.01);
        Assert.True(Score(Options.TitleBoost) < Score(Options.TitleBoost * 3) - 0.01);
    }

    // Two paragraphs of prose on unrelated things, no figures, each over sixty words (longer than the default lead).
    private const string Library =
        "The old town library reopened its reading rooms after a long renovation that replaced the leaking roof, rebuilt the " +
        "wooden staircase and added a quiet hall for students. Volunteers carried the returned books back to the shelves by hand, " +
        "and the librarian thanked the neighbours who had lent chairs and lamps while the building was closed. Visitors queued " +
        "in the courtyard before the doors opened and many stayed until the evening bell.";

    private const string Cycling =
        "A young rider from the valley won the mountain stage of the spring cycling race after attacking on the final climb, " +
        "leaving the favourites behind in the fog. Her team celebrated at the summit while spectators rang cowbells along the " +
        "narrow road. The leader kept the yellow jersey by a few seconds, and the organisers said the descent would be checked " +
        "again before the riders return to the pass next week.";

    private static double Score(ClusteringOptions options, Document a, Document b) => new StoryClusterer(options).Compare(a, b);

    /// <summary>A report of the Ostrava Vale flood with its names marked.</summary>
    private static Document Named(string text, string id, DateTimeOffset? published = null) =>
        Docs.Of(text, id, published: published ?? Day0)
            .Naming("Elsa Kovarik", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc).Naming("Varnel", EntityType.Loc);

    [Fact]
    public void The_lead_counts_more_by_the_lead_boost_and_over_the_lead_words()
    {
        // Two reports of one flood, each followed by a paragraph the other does not share.
        var a = Docs.Of(StoryClustererTests.FloodA + "\n\n" + Library, "a", published: Day0);
        var b = Docs.Of(StoryClustererTests.FloodB + "\n\n" + Cycling, "b", published: Day0);

        var defaults = Score(Options, a, b);

        Assert.True(Score(Options with { LeadBoost = 1 }, a, b) < defaults - 0.01);
        Assert.True(Score(Options with { LeadWords = 5 }, a, b) < defaults - 0.01);
    }

    [Fact]
    public void The_lead_starts_at_the_first_line_with_the_lead_line_words()
    {
        // Short lines of each site's own furniture (nine words, prose-like, not chrome) above one flood report.
        static string Page(string line, string report) => string.Concat(Enumerable.Repeat(line + "\n", 5)) + report;
        var a = Docs.Of(Page("read about our gardens and the open days this month.", StoryClustererTests.FloodA), "a", published: Day0);
        var b = Docs.Of(Page("subscribe for the weekly letter from the parish council.", StoryClustererTests.FloodB), "b", published: Day0);

        // By default the nine-word lines are not prose enough to start the lead: it starts at the report.
        Assert.True(Score(Options with { LeadMinLineWords = 5 }, a, b) < Score(Options, a, b) - 0.01);
    }

    [Fact]
    public void Shared_words_on_short_chrome_lines_count_by_the_chrome_weight_and_the_chrome_length()
    {
        // Unrelated prose; the only shared words are on two-word lines (menus, labels).
        const string Menu = "\nriver flooding\nhospital evacuation\nrain warnings";
        var a = Docs.Of(Library + Menu, "a", published: Day0);
        var b = Docs.Of(Cycling + Menu, "b", published: Day0);

        var defaults = Score(Options, a, b);

        Assert.True(Score(Options with { ChromeLineWeight = 1 }, a, b) > defaults + 0.01);
        // Lines of two words are no fragment when a fragment is under two words.
        Assert.True(Score(Options with { ChromeMaxWords = 2 }, a, b) > defaults + 0.01);
    }

    [Fact]
    public void Words_past_the_word_limit_are_not_read()
    {
        // The shared report comes after a paragraph of each page's own of more than fifty words.
        var a = Docs.Of(Library + "\n\n" + StoryClustererTests.FloodA, "a", published: Day0);
        var b = Docs.Of(Cycling + "\n\n" + StoryClustererTests.FloodB, "b", published: Day0);

        Assert.True(Score(Options with { MaxWordsPerDocument = 50 }, a, b) < Score(Options, a, b) - 0.05);
    }

    [Fact]
    public void A_shared_place_weighs_more_with_a_higher_place_boost()
    {
        // One report names the mayor, the other a councillor instead: they share the place names alone.
        var a = Named(StoryClustererTests.FloodA, "a");
        var b = Docs.Of(StoryClustererTests.FloodB.Replace("Mayor Elsa Kovarik", "Councillor Tomas Brenner", StringComparison.Ordinal), "b", published: Day0)
            .Naming("Tomas Brenner", EntityType.Person).Naming("Ostrava Vale", EntityType.Loc).Naming("Varnel", EntityType.Loc);

        var plain = new StoryClusterer(Options with { PlaceBoost = 1 }).CompareChannels(a, b).Entities;
        var boosted = new StoryClusterer(Options with { PlaceBoost = 3 }).CompareChannels(a, b).Entities;

        Assert.True(boosted > plain + 0.01, $"{boosted} against {plain}");
    }

    [Fact]
    public void Two_bare_texts_regain_the_weight_of_their_missing_channels_only_up_to_the_dropped_weight()
    {
        // No names marked, no figures: the entity and specifics channels are absent on both sides.
        var a = Docs.Of(Library, "a", published: Day0);
        var b = Docs.Of(Library.Replace("old town", "village", StringComparison.Ordinal), "b", published: Day0);

        Assert.True(Score(Options with { MaxDroppedWeight = 0 }, a, b) < Score(Options, a, b) - 0.05);
    }

    /// <summary>One flood report, with figures of its own in each version: five or more on each side, none shared.</summary>
    private static (Document A, Document B) FiguresApart()
    {
        const string Report = "The Varnel river flooded {0} homes and {1} farms in Ostrava Vale, closed {2} schools and {3} bridges, " +
            "and the weather office recorded {4} millimetres of rain, said Mayor Elsa Kovarik.";
        return (Docs.Of(string.Format(System.Globalization.CultureInfo.InvariantCulture, Report, 300, 41, 12, 17, 142), "a", published: Day0),
            Docs.Of(string.Format(System.Globalization.CultureInfo.InvariantCulture, Report, 85, 19, 23, 15, 97), "b", published: Day0));
    }

    [Fact]
    public void Sides_stating_figures_none_alike_are_a_conflict_only_from_the_minimum_and_under_the_cosine()
    {
        var (a, b) = FiguresApart();
        var defaults = Score(Options, a, b);

        // Each side states five figures of two digits or more (single digits are no specifics): at a minimum above what either
        // states, or when no cosine is low enough, there is no conflict to scale by.
        Assert.True(Score(Options with { SpecificsConflictMinimum = 50 }, a, b) > defaults + 0.01);
        Assert.True(Score(Options with { SpecificsConflictCosine = 0 }, a, b) > defaults + 0.01);
        Assert.Equal(Score(Options with { SpecificsConflictFactor = 1 }, a, b), Score(Options with { SpecificsConflictMinimum = 50 }, a, b), 9);
    }

    [Fact]
    public void Names_that_differ_lower_the_score_only_under_the_agree_cosine()
    {
        // A flood elsewhere, written alike, naming none of the same people or places.
        var a = Named(StoryClustererTests.FloodA, "a");
        var b = Docs.Of(StoryClustererTests.OtherFloodA, "o", published: Day0)
            .Naming("Tomas Brenner", EntityType.Person).Naming("Marrick Ford", EntityType.Loc).Naming("Dellow", EntityType.Loc);
        var counted = Options with { NamesDisagreeMinimum = 1 };

        var disagreeing = Score(counted, a, b);

        Assert.True(Score(counted with { NamesAgreeCosine = 0 }, a, b) > disagreeing + 0.01);
        Assert.True(disagreeing < Score(counted with { NamesDisagreeFactor = 1 }, a, b) - 0.01);
    }

    /// <summary>
    /// The flood reports as an English and a French article (the second keeps its English words: its stems still meet few); the
    /// second also names three officials the first does not, so neither channel's cosine is whole before a lift.
    /// </summary>
    private static (Document English, Document French) AcrossLanguages()
    {
        var english = Named(StoryClustererTests.FloodA, "en");
        english.Article.Language = "en";
        var french = Named(StoryClustererTests.FloodB + " Minister Paul Dorrance, prefect Henri Lasalle and engineer Jean Morvan came.", "fr")
            .Naming("Paul Dorrance", EntityType.Person).Naming("Henri Lasalle", EntityType.Person).Naming("Jean Morvan", EntityType.Person);
        french.Article.Language = "fr";
        return (english, french);
    }

    [Fact]
    public void Across_languages_each_channel_is_lifted_by_its_own_scale()
    {
        var (en, fr) = AcrossLanguages();
        var plain = new StoryClusterer(Options with { CrossLanguageTermScale = 1, CrossLanguageEntityScale = 1 }).CompareChannels(en, fr);
        var terms = new StoryClusterer(Options with { CrossLanguageEntityScale = 1 }).CompareChannels(en, fr);
        var entities = new StoryClusterer(Options with { CrossLanguageTermScale = 1 }).CompareChannels(en, fr);

        Assert.True(terms.Terms > plain.Terms + 0.01, $"{terms} against {plain}");
        Assert.Equal(plain.Entities, terms.Entities, 9);
        Assert.True(entities.Entities > plain.Entities + 0.01, $"{entities} against {plain}");
        Assert.Equal(plain.Terms, entities.Terms, 9);
    }

    [Fact]
    public void Across_languages_an_entity_cosine_on_fewer_shared_names_than_asked_is_scaled_down()
    {
        var (en, fr) = AcrossLanguages();
        double Entities(int sharedNames) => new StoryClusterer(Options with { CrossLanguageSharedNames = sharedNames }).CompareChannels(en, fr).Entities;

        // The two share the mayor's and the places' names: a handful of name words and pairs, far under fifty.
        Assert.True(Entities(50) < Entities(0) - 0.01);
        Assert.True(Entities(50) < Entities(Options.CrossLanguageSharedNames) - 0.01);
    }

    [Fact]
    public void Words_of_an_analysed_language_meet_as_stems_and_of_another_as_written()
    {
        // German written for this test: the same words inflected otherwise.
        var a = Docs.Of("Die Feuerwehren löschten den Brand in der Lagerhalle am Hafen, und die Fähren fuhren nicht.", "a", published: Day0);
        var b = Docs.Of("Feuerwehr löscht Brände in Lagerhallen des Hafens; die Fähre fährt nicht.", "b", published: Day0);
        a.Article.Language = b.Article.Language = "de";

        var stems = new StoryClusterer(Options).CompareChannels(a, b).Terms;
        var words = new StoryClusterer(Options with { AnalysedLanguages = new HashSet<string>(StringComparer.Ordinal) }).CompareChannels(a, b).Terms;

        Assert.True(stems > words + 0.05, $"{stems} against {words}");
    }

    [Theory]
    [InlineData(25, 0, 0, true)] // the terms alone find the story
    [InlineData(0, 25, 0, true)] // the names alone
    [InlineData(0, 0, 15, true)] // the figures alone
    [InlineData(0, 0, 0, false)] // no feature looks it up: no candidate, a story of its own
    public void A_story_is_found_through_each_channel_the_lookup_reads(int terms, int entities, int specifics, bool joined)
    {
        var clusterer = new StoryClusterer(Options with { IndexTermsPerDocument = terms, IndexEntitiesPerDocument = entities, IndexSpecificsPerDocument = specifics });

        var first = clusterer.Assign(Named(StoryClustererTests.FloodA, "a"));
        var second = clusterer.Assign(Named(StoryClustererTests.FloodB, "b"));

        Assert.Equal(joined, first == second);
    }

    [Theory]
    [InlineData(0, false)] // no posting read: no candidate
    [InlineData(1, true)]
    public void A_story_is_found_only_through_the_postings_read(int postingScanLimit, bool joined)
    {
        var clusterer = new StoryClusterer(Options with { PostingScanLimit = postingScanLimit });

        var first = clusterer.Assign(Named(StoryClustererTests.FloodA, "a"));
        var second = clusterer.Assign(Named(StoryClustererTests.FloodB, "b"));

        Assert.Equal(joined, first == second);
    }
}
