using Crosscheck.Core.Model;
using Xunit;
using static Crosscheck.Storage.Tests.Contract.SampleDocuments;

namespace Crosscheck.Storage.Tests.Contract;

/// <summary>
/// What every <see cref="IStore"/> must do, whatever the backend. A backend's test class derives
/// from this and says how to create an empty store; each test gets its own.
/// </summary>
public abstract partial class StoreContractTests : IDisposable
{
    private IStore? _store;

    /// <summary>A new, empty store; called at most once per test.</summary>
    protected abstract IStore CreateStore();

    /// <summary>Another handle on the store <see cref="CreateStore"/> made, as a second process would open it.</summary>
    protected abstract IStore OpenAgain();

    protected IStore Store => _store ??= CreateStore();

    public virtual void Dispose()
    {
        _store?.Dispose();
        GC.SuppressFinalize(this);
    }

    // ---- raw inputs ----

    [ContractFact]
    public void AddRaw_stores_new_content_once()
    {
        var raw = Raw("<html><body>Ferry services resumed on Monday.</body></html>");
        Assert.True(Store.AddRaw(raw));
        Assert.False(Store.AddRaw(raw));
        Assert.False(Store.AddRaw(raw with { Source = "elsewhere/copy.html", ReceivedAt = DateTimeOffset.UnixEpoch }));
        Assert.Equal(1, Store.CountRaw());
        Assert.Equal("inbox/a.html", Store.GetRaw(raw.Id)!.Source);
    }

    [ContractFact]
    public void AddRaws_tells_which_inputs_were_new_and_keeps_their_order()
    {
        var stored = Raw("<html><body>Ferry services resumed on Monday.</body></html>");
        Store.AddRaw(stored);
        var first = Raw("<html><body>The library opens on Sundays.</body></html>", source: "inbox/b.html");
        var second = Raw("<html><body>The bridge reopens in May.</body></html>", source: "inbox/c.html");

        var added = Store.AddRaws([first, stored, second, first with { Source = "inbox/copy.html" }]);

        Assert.Equal([true, false, true, false], added);
        Assert.Equal([stored.Id, first.Id, second.Id], Store.AllRaw().Select(r => r.Id));
        Assert.Equal("inbox/b.html", Store.GetRaw(first.Id)!.Source);
        Assert.Empty(Store.AddRaws([]));
    }

    [ContractFact]
    public void LastReceived_is_the_time_of_the_newest_raw_input_and_null_for_an_empty_store()
    {
        Assert.Null(Store.LastReceived());
        var newest = new DateTimeOffset(2026, 11, 2, 8, 30, 0, TimeSpan.Zero);
        Store.AddRaw(Raw("<html><body>Ferry services resumed on Monday.</body></html>", receivedAt: newest.AddHours(-1)));
        Store.AddRaw(Raw("<html><body>The library opens on Sundays.</body></html>", source: "inbox/b.html", receivedAt: newest));

        Assert.Equal(newest, Store.LastReceived());
    }

    [ContractFact]
    public void GetRaw_returns_every_field_as_stored()
    {
        var hints = new IngestHints
        {
            Published = new DateTimeOffset(2023, 11, 2, 7, 0, 0, TimeSpan.FromHours(9)),
            Outlet = "Northern Ledger",
            Url = "https://ledger.example/a?b=1&c=\u00e9",
            Title = "Bridge reopens",
            Fetched = new DateTimeOffset(2023, 11, 3, 1, 2, 3, TimeSpan.Zero),
            Charset = "windows-1251",
        };
        var raw = Raw("{\"title\":\"Bridge reopens\"}", source: "feed.jsonl#12", kind: RawKind.Json, hints: hints) with
        {
            Content = [0x7B, 0x00, 0xFF, 0xFE, 0x7D],
            ReceivedAt = new DateTimeOffset(2024, 1, 31, 23, 59, 59, 999, TimeSpan.FromMinutes(-210)).AddTicks(1234),
        };
        Store.AddRaw(raw);

        var read = Store.GetRaw(raw.Id);

        Assert.NotNull(read);
        Assert.Equal(raw.Id, read.Id);
        Assert.Equal(raw.Source, read.Source);
        Assert.Equal(raw.Kind, read.Kind);
        Assert.Equal(raw.Content, read.Content);
        Assert.Equal(raw.ReceivedAt, read.ReceivedAt);
        Assert.Equal(raw.ReceivedAt.Offset, read.ReceivedAt.Offset);
        Assert.Equal(hints, read.Hints);
        Assert.Equal(hints.Published!.Value.Offset, read.Hints.Published!.Value.Offset);
    }

    [ContractFact]
    public void GetRaw_of_unknown_id_is_null()
    {
        Store.AddRaw(Raw("Trains were cancelled."));
        Assert.Null(Store.GetRaw("0000"));
        Assert.Null(Store.GetDocument("0000"));
    }

    [ContractFact]
    public void AllRaw_follows_arrival_order_not_timestamps()
    {
        // More inputs than one page of reading, received "earlier" the later they arrive.
        var inputs = Enumerable.Range(0, 300)
            .Select(i => Raw($"Report number {i} on the flood.", source: $"in/{i}.txt", kind: RawKind.Text,
                receivedAt: new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(-i)))
            .ToList();
        Store.RunInTransaction(() =>
        {
            foreach (var raw in inputs) Store.AddRaw(raw);
        });
        Store.AddRaw(inputs[10]);

        Assert.Equal(inputs.Select(r => r.Id), Store.AllRaw().Select(r => r.Id));
        Assert.Equal(300, Store.CountRaw());
    }

    [ContractFact]
    public void Empty_store_has_nothing()
    {
        Assert.Empty(Store.AllRaw());
        Assert.Empty(Store.AllDocuments());
        Assert.Empty(Store.GetStories());
        Assert.Equal(0, Store.CountRaw());
        Assert.Equal(0, Store.CountArticles());
        Assert.Null(Store.GetStory("a"));
        Assert.Empty(Store.Search("anything"));
        Assert.False(string.IsNullOrWhiteSpace(Store.Location));
    }

    // ---- documents ----

    [ContractFact]
    public void Document_round_trips_with_every_layer()
    {
        var document = Full();
        Store.SaveDocument(document);

        var read = Store.GetDocument(document.Id);

        Assert.NotNull(read);
        AssertSame(document, read);
        Assert.True(Store.HasDocument(document.Id));
        Assert.Equal(1, Store.CountArticles());
    }

    [ContractFact]
    public void A_document_serialised_ahead_is_stored_as_the_document_itself_and_read_back_decoded_later()
    {
        var full = Full("full-ahead");
        var sparse = Plain("sparse-ahead", "Council vote delayed", "The council postponed the vote.");
        sparse.Mentions = [];
        var serialised = new[] { full, sparse }.AsParallel().AsOrdered().Select(SerializedDocument.Of).ToList();
        Store.RunInTransaction(() => serialised.ForEach(Store.SaveDocument));

        AssertSame(full, Store.GetDocument(full.Id)!);
        AssertSame(sparse, Store.GetDocument(sparse.Id)!);
        var stored = Store.AllStoredDocuments().ToList();
        Assert.Equal(Store.AllArticles().Select(a => a.Id), stored.Select(s => s.Article.Id));
        // Decoded on other threads, after the reading is over.
        var decoded = stored.AsParallel().AsOrdered().Select(s => s.Decode()).ToList();
        Assert.Equal(Store.AllDocuments().Select(d => d.Id), decoded.Select(d => d.Id));
        foreach (var document in decoded) AssertSame(document.Id == full.Id ? full : sparse, document);
    }

    [ContractFact]
    public void Absent_layers_stay_absent_and_empty_layers_stay_empty()
    {
        var document = Plain("sparse", "Council vote delayed", "The council postponed the vote.");
        document.Mentions = [];
        document.Sentences = [new Sentence(new TextSpan(0, document.Text.Length))];
        Store.SaveDocument(document);

        var read = Store.GetDocument("sparse")!;

        Assert.True(read.Has(Layer.Mentions));
        Assert.Empty(read.Mentions);
        Assert.True(read.Has(Layer.Sentences));
        Assert.False(read.Has(Layer.Tokens));
        Assert.False(read.Has(Layer.Quotes));
        Assert.Null(read.Article.Published);
        Assert.Empty(read.Diagnostics);
        AssertSame(document, read);
    }

    [ContractFact]
    public void SaveDocument_replaces_the_article_and_all_its_layers()
    {
        Store.SaveDocument(Full("same-id"));
        var replacement = Plain("same-id", "Strike called off", "Workers returned to the docks on Friday.");
        replacement.Sentences = [new Sentence(new TextSpan(0, replacement.Text.Length))];
        Store.SaveDocument(replacement);

        var read = Store.GetDocument("same-id")!;

        AssertSame(replacement, read);
        Assert.False(read.Has(Layer.Tokens));
        Assert.Equal(1, Store.CountArticles());
        Assert.Empty(Store.Search("Ferreira"));
        Assert.Equal("same-id", Assert.Single(Store.Search("docks Friday")).ArticleId);
    }

    [ContractFact]
    public void Page_type_is_stored_with_the_article_and_replaced_with_it()
    {
        var listing = Plain("typed", "Garden tools", "Spades, rakes and hoes on sale.");
        listing.Article.PageType = PageType.Listing;
        Store.SaveDocument(listing);

        Assert.Equal(PageType.Listing, Store.GetDocument("typed")!.Article.PageType);
        Assert.Equal(PageType.Listing, Assert.Single(Store.AllArticles()).PageType);

        var product = Plain("typed", "Garden spade", "A spade with an ash handle.");
        product.Article.PageType = PageType.Product;
        Store.SaveDocument(product);

        Assert.Equal(PageType.Product, Store.GetDocument("typed")!.Article.PageType);
        // Every kind of page stays searchable.
        Assert.Equal("typed", Assert.Single(Store.Search("spade")).ArticleId);
    }

    [ContractFact]
    public void AllDocuments_follow_the_arrival_of_their_raw_inputs()
    {
        var first = Raw("first input");
        var second = Raw("second input");
        var third = Raw("third input");
        foreach (var raw in new[] { first, second, third }) Store.AddRaw(raw);
        // Saved in another order than received.
        Store.SaveDocument(Plain(third.Id, "Third", "Body three."));
        Store.SaveDocument(Plain(first.Id, "First", "Body one."));
        Store.SaveDocument(Plain(second.Id, "Second", "Body two."));

        Assert.Equal([first.Id, second.Id, third.Id], Store.AllDocuments().Select(d => d.Id));
        Assert.Equal(["First", "Second", "Third"], Store.AllDocuments().Select(d => d.Article.Title));
    }

    [ContractFact]
    public void AllArticles_give_the_documents_articles_in_the_same_order_without_layers()
    {
        // More than one page of reading, saved in the reverse of the order received.
        var inputs = Enumerable.Range(0, 260).Select(i => Raw($"input {i}")).ToList();
        Store.RunInTransaction(() =>
        {
            foreach (var raw in inputs) Store.AddRaw(raw);
            for (var i = inputs.Count - 1; i >= 0; i--)
            {
                var document = i == 7 ? Full(inputs[i].Id) : Plain(inputs[i].Id, $"Title {i}", $"Body {i}.");
                document.Article.Diagnostics.Add(new Diagnostic("test", DiagnosticSeverity.Info, $"note {i}"));
                Store.SaveDocument(document);
            }
        });
        // An article with no raw input comes last, as in AllDocuments.
        Store.SaveDocument(Plain("orphan", "Orphan", "No raw input."));

        var articles = Store.AllArticles().ToList();
        var documents = Store.AllDocuments().ToList();

        Assert.Equal(documents.Select(d => d.Id), articles.Select(a => a.Id));
        Assert.Equal([.. inputs.Select(r => r.Id), "orphan"], articles.Select(a => a.Id));
        Assert.Equal(documents.Select(d => d.Article.Body), articles.Select(a => a.Body));
        Assert.Equal(documents.Select(d => d.Article.Title), articles.Select(a => a.Title));
        Assert.Equal(documents.Select(d => string.Join(" | ", d.Article.Diagnostics)), articles.Select(a => string.Join(" | ", a.Diagnostics)));
        Assert.Equal(3, articles[7].Diagnostics.Count);
        Assert.Equal("note 7", articles[7].Diagnostics[^1].Message);
        Assert.True(documents[7].Has(Layer.Tokens));
    }

    [ContractFact]
    public void Nul_characters_become_replacement_characters_and_offsets_stay_valid()
    {
        var document = Plain("nul\0id", "Odd\0title", "Before\0after the break.");
        document.Tokens = [new Token(new TextSpan(7, 5), TokenKind.Word)];
        document.Mentions = [new Mention(new TextSpan(0, 6), EntityType.Misc, Role: "odd\0role")];

        Store.SaveDocument(document);
        var read = Store.GetDocument("nul\uFFFDid")!;

        Assert.Equal(document.Text.Length, read.Text.Length);
        Assert.Equal("Before\uFFFDafter the break.", read.Text);
        Assert.Equal("after", read[read.Tokens[0].Span]);
        Assert.Equal("Odd\uFFFDtitle", read.Article.Title);
        // Inside layers (JSON) text is kept exactly.
        Assert.Equal("odd\0role", read.Mentions[0].Role);
        Assert.Equal("nul\uFFFDid", Assert.Single(Store.Search("break")).ArticleId);
    }

    [ContractFact]
    public void HasDocument_is_false_for_raw_inputs_not_yet_processed()
    {
        var raw = Raw("waiting to be processed");
        Store.AddRaw(raw);
        Assert.False(Store.HasDocument(raw.Id));
        Store.SaveDocument(Plain(raw.Id, "Processed", "Now it is."));
        Assert.True(Store.HasDocument(raw.Id));
    }

    [ContractFact]
    public void RawWithoutDocument_lists_only_inputs_without_an_article_in_the_order_received()
    {
        RawInput[] inputs = [Raw("first input, processed"), Raw("second input, left undone"), Raw("third input, left undone")];
        Store.RunInTransaction(() => Array.ForEach(inputs, raw => Store.AddRaw(raw)));
        var (first, second, third) = (inputs[0], inputs[1], inputs[2]);
        Store.SaveDocument(Plain(first.Id, "Processed", "Done."));

        Assert.Equal([second.Id, third.Id], Store.RawWithoutDocument().Select(r => r.Id));
        Assert.Equal(second.Content, Store.RawWithoutDocument().First().Content);
        using (var other = OpenAgain()) Assert.Equal([second.Id, third.Id], other.RawWithoutDocument().Select(r => r.Id));

        Store.SaveDocument(Plain(third.Id, "Processed later", "Done too."));
        Assert.Equal([second.Id], Store.RawWithoutDocument().Select(r => r.Id));
        Store.ClearDerived();
        Assert.Equal(3, Store.RawWithoutDocument().Count());
    }

    [ContractFact]
    public void RawWithoutDocument_reads_past_a_page_while_the_caller_saves_documents()
    {
        // More than one page of results (both stores read 256 rows a round), processed as they come:
        // each input is handed over exactly once, however the pages shift under the caller's writes.
        var inputs = Enumerable.Range(0, 600).Select(i => Raw($"input number {i}")).ToList();
        Store.RunInTransaction(() => inputs.ForEach(raw => Store.AddRaw(raw)));

        var seen = new List<string>();
        foreach (var raw in Store.RawWithoutDocument())
        {
            seen.Add(raw.Id);
            Store.SaveDocument(Plain(raw.Id, "Processed", "Done."));
        }

        Assert.Equal(inputs.Select(r => r.Id), seen);
        Assert.Empty(Store.RawWithoutDocument());
    }

    // ---- stories ----

    private static Story Story(string id, string title, params string[] articles) => new()
    {
        Id = id,
        Title = title,
        ArticleIds = articles,
        FirstSeen = new DateTimeOffset(2024, 2, 1, 8, 0, 0, TimeSpan.FromHours(1)),
        LastSeen = new DateTimeOffset(2024, 2, 3, 17, 30, 0, TimeSpan.Zero),
    };

    [ContractFact]
    public void ArticlesOfOutlets_give_those_outlets_articles_in_the_order_of_AllArticles()
    {
        var inputs = Enumerable.Range(0, 6).Select(i => Raw($"outlet input {i}")).ToList();
        string?[] outlets = ["Daily Post", " daily post ", "Other Times", null, "DAILY POST", "Élan"];
        Store.RunInTransaction(() =>
        {
            foreach (var raw in inputs) Store.AddRaw(raw);
            // Saved in the reverse of the order received: the order is the inputs', as in AllArticles.
            for (var i = inputs.Count - 1; i >= 0; i--) Store.SaveDocument(Plain(inputs[i].Id, $"Title {i}", $"Body {i}.", outlets[i]));
        });

        Assert.Equal([inputs[0].Id, inputs[1].Id, inputs[4].Id], Store.ArticlesOfOutlets(["daily post"]).Select(a => a.Id));
        Assert.Equal([inputs[2].Id, inputs[3].Id], Store.ArticlesOfOutlets(["", "other times"]).Select(a => a.Id));
        Assert.Equal([inputs[5].Id], Store.ArticlesOfOutlets([StoreCommon.OutletKey("ÉLAN")]).Select(a => a.Id));
        Assert.Empty(Store.ArticlesOfOutlets(["nobody"]));
        Assert.Empty(Store.ArticlesOfOutlets([]));
        Assert.Equal(Store.AllArticles().Where(a => StoreCommon.OutletKey(a.Outlet) == "daily post").Select(a => a.Body),
            Store.ArticlesOfOutlets(["daily post"]).Select(a => a.Body));

        // A changed outlet moves the article to the other group.
        Store.SaveDocument(Plain(inputs[0].Id, "Title 0", "Body 0.", "Other Times"));
        Assert.Equal([inputs[0].Id, inputs[2].Id], Store.ArticlesOfOutlets(["other times"]).Select(a => a.Id));
    }

    [ContractFact]
    public void StoryIdOfArticle_finds_the_story_holding_an_article()
    {
        Store.ReplaceStories([Story("s-one", "One", "a1", "a2"), Story("s-two", "Two", "a3")], new Dictionary<string, string>());

        Assert.Equal("s-one", Store.StoryIdOfArticle("a2"));
        Assert.Equal("s-two", Store.StoryIdOfArticle("a3"));
        Assert.Null(Store.StoryIdOfArticle("a4"));
    }

    [ContractFact]
    public void ReplaceStories_keeps_order_and_article_lists()
    {
        var stories = new[]
        {
            Story("s-zeta", "Flood warnings", "a3", "a1"),
            Story("s-alpha", "Budget talks", "a2"),
            new Story { Id = "s-mid", Title = "Undated", ArticleIds = [] },
        };
        Store.ReplaceStories(stories, new Dictionary<string, string>());

        var read = Store.GetStories();

        Assert.Equal(["s-zeta", "s-alpha", "s-mid"], read.Select(s => s.Id));
        Assert.Equal(["a3", "a1"], read[0].ArticleIds);
        Assert.Equal(stories[0].FirstSeen, read[0].FirstSeen);
        Assert.Equal(stories[0].FirstSeen!.Value.Offset, read[0].FirstSeen!.Value.Offset);
        Assert.Equal(stories[0].LastSeen, read[0].LastSeen);
        Assert.Null(read[2].FirstSeen);
        Assert.Empty(read[2].ArticleIds);
    }

    [ContractFact]
    public void ReplaceStories_drops_the_previous_assignment()
    {
        Store.ReplaceStories([Story("old-1", "Old", "a1"), Story("old-2", "Older", "a2")], new Dictionary<string, string> { ["gone"] = "old-1" });
        Store.ReplaceStories([Story("new-1", "New", "a1", "a2")], new Dictionary<string, string>());

        Assert.Equal("new-1", Assert.Single(Store.GetStories()).Id);
        Assert.Null(Store.GetStory("old-1"));
        Assert.Null(Store.GetStory("gone"));
    }

    [ContractFact]
    public void ReplaceStories_refuses_duplicate_ids_and_keeps_what_was_there()
    {
        Store.ReplaceStories([Story("keep", "Kept", "a1")], new Dictionary<string, string>());
        Assert.Throws<ArgumentException>(() => Store.ReplaceStories([Story("dup", "A"), Story("dup", "B")], new Dictionary<string, string>()));
        Assert.Equal("keep", Assert.Single(Store.GetStories()).Id);
    }

    [ContractFact]
    public void StoriesAssignedFrom_is_recorded_with_the_stories_and_seen_by_other_handles()
    {
        Assert.Null(Store.StoriesAssignedFrom());
        Store.ReplaceStories([Story("s1", "Story", "a1")], new Dictionary<string, string>(), assignedFromArticles: 3);
        Assert.Equal(3, Store.StoriesAssignedFrom());
        using (var other = OpenAgain()) Assert.Equal(3, other.StoriesAssignedFrom());

        Store.ReplaceStories([Story("s2", "Later", "a1")], new Dictionary<string, string>(), assignedFromArticles: 0);
        Assert.Equal(0, Store.StoriesAssignedFrom());

        // An assignment that does not say what it saw leaves the stories' coverage unknown.
        Store.ReplaceStories([Story("s3", "Unknown", "a1")], new Dictionary<string, string>());
        Assert.Null(Store.StoriesAssignedFrom());
    }

    [ContractFact]
    public void StoriesAssignedFrom_is_cleared_with_the_derived_data_and_kept_when_a_replacement_fails()
    {
        Store.ReplaceStories([Story("keep", "Kept", "a1")], new Dictionary<string, string>(), assignedFromArticles: 5);
        Assert.Throws<ArgumentException>(() => Store.ReplaceStories([Story("dup", "A"), Story("dup", "B")], new Dictionary<string, string>(), 9));
        Assert.Equal(5, Store.StoriesAssignedFrom());

        Store.ClearDerived();

        Assert.Null(Store.StoriesAssignedFrom());
    }

    [ContractFact]
    public void GetStory_follows_redirects_of_merged_stories()
    {
        Store.ReplaceStories(
            [Story("7f3a91", "Port strike", "a1", "a2")],
            new Dictionary<string, string> { ["b20c44"] = "7f3a91", ["c9d010"] = "b20c44", ["dangling"] = "nowhere" });

        Assert.Equal(["a1", "a2"], Store.GetStory("7f3a91")!.ArticleIds);
        Assert.Equal("7f3a91", Store.GetStory("b20c44")!.Id);
        Assert.Equal("7f3a91", Store.GetStory("c9d010")!.Id);
        Assert.Null(Store.GetStory("dangling"));
    }

    [ContractFact]
    public void GetStory_accepts_a_unique_prefix_only()
    {
        Store.ReplaceStories(
            [Story("ab12cd", "One"), Story("ab34ef", "Two"), Story("ff0011", "Three")],
            new Dictionary<string, string> { ["9e8d7c"] = "ff0011" });

        Assert.Equal("ab12cd", Store.GetStory("ab1")!.Id);
        Assert.Equal("ff0011", Store.GetStory("f")!.Id);
        Assert.Null(Store.GetStory("ab"));
        Assert.Null(Store.GetStory("zz"));
        Assert.Null(Store.GetStory(""));
        Assert.Null(Store.GetStory("   "));
        Assert.Null(Store.GetStory("%"));
        Assert.Null(Store.GetStory("_b12cd"));
        Assert.Equal("ff0011", Store.GetStory("9e8")!.Id);
        Assert.Equal("One", Store.GetStory("ab12cd")!.Title);
    }

    // ---- search ----

    private void SaveSearchCorpus()
    {
        Store.SaveDocument(Plain("wind", "Wind farm approved",
            "Regulators approved the offshore wind farm after a two-year review. The wind farm will power 400,000 homes."));
        Store.SaveDocument(Plain("budget", "Budget vote",
            "The budget includes a small grant for wind research, lawmakers said."));
        Store.SaveDocument(Plain("rail", "Rail strike ends",
            "Train drivers ended their strike after the union reported progress in talks."));
    }

    [ContractFact]
    public void Search_ranks_better_matches_first()
    {
        SaveSearchCorpus();

        var hits = Store.Search("wind farm");

        Assert.Equal(["wind"], hits.Select(h => h.ArticleId));
        var wind = Store.Search("wind");
        Assert.Equal(["wind", "budget"], wind.Select(h => h.ArticleId));
        Assert.True(wind[0].Score > wind[1].Score);
        Assert.Equal("Wind farm approved", wind[0].Title);
    }

    [ContractFact]
    public void Search_snippet_marks_the_matched_words()
    {
        SaveSearchCorpus();

        var hit = Assert.Single(Store.Search("drivers"));

        Assert.Contains(SnippetMarks.Open + "drivers" + SnippetMarks.Close, hit.Snippet, StringComparison.OrdinalIgnoreCase);
    }

    [ContractFact]
    public void Search_matches_other_forms_of_a_word_and_ignores_case()
    {
        SaveSearchCorpus();
        Assert.Equal("rail", Assert.Single(Store.Search("REPORTS")).ArticleId);
        Assert.Equal("wind", Assert.Single(Store.Search("approves")).ArticleId);
    }

    [ContractFact]
    public void Search_falls_back_to_any_word_when_no_article_has_them_all()
    {
        SaveSearchCorpus();
        var hits = Store.Search("union glacier");
        Assert.Equal("rail", Assert.Single(hits).ArticleId);
    }

    [ContractTheory]
    [InlineData("\"")]
    [InlineData("AND (")]
    [InlineData("OR")]
    [InlineData("NEAR(wind farm, 2")]
    [InlineData("wind*")]
    [InlineData("-wind")]
    [InlineData("title:wind")]
    [InlineData("'; DROP TABLE articles; --")]
    [InlineData("!!! & | ( ) : ^")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\0\u0001\uFFFF\uD800")]
    public void Search_never_throws_on_odd_queries(string query)
    {
        SaveSearchCorpus();
        var hits = Store.Search(query);
        Assert.All(hits, h => Assert.Contains(h.ArticleId, new[] { "wind", "budget", "rail" }));
        Assert.Equal(3, Store.CountArticles());
    }

    [ContractFact]
    public void Search_treats_operator_words_as_words()
    {
        SaveSearchCorpus();
        Store.SaveDocument(Plain("ops", "Near the border", "Fighting near the border town went on."));
        Assert.Equal("ops", Assert.Single(Store.Search("NEAR border")).ArticleId);
        Assert.Equal("wind", Assert.Single(Store.Search("\"offshore (wind")).ArticleId);
    }

    [ContractFact]
    public void Search_respects_the_limit()
    {
        Store.RunInTransaction(() =>
        {
            for (var i = 0; i < 30; i++) Store.SaveDocument(Plain($"d{i}", $"Harvest report {i}", $"The harvest in district {i} was late."));
        });
        Assert.Equal(5, Store.Search("harvest", limit: 5).Count);
        Assert.Equal(30, Store.Search("harvest", limit: 100).Count);
        Assert.Empty(Store.Search("harvest", limit: 0));
    }

    [ContractFact]
    public void Search_of_a_very_long_query_does_not_fail()
    {
        SaveSearchCorpus();
        var query = string.Join(' ', Enumerable.Repeat("wind", 5000)) + new string('x', 100_000);
        Assert.Equal("wind", Store.Search(query).FirstOrDefault()?.ArticleId);
    }

    // ---- derived data and transactions ----

    [ContractFact]
    public void Derived_data_cleared_and_rebuilt_in_one_exclusive_transaction_stay_invisible_to_readers_until_it_commits()
    {
        // What reprocess does: readers must keep the old articles and stories, not wait for the rebuild.
        var raw = Raw("rebuilt aside");
        Store.AddRaw(raw);
        Store.SaveDocument(Full(raw.Id));
        Store.ReplaceStories([Story("old", "Old story", raw.Id)], new Dictionary<string, string>(), assignedFromArticles: 1);
        using var reader = OpenAgain();
        void ReaderSeesOld()
        {
            var read = Task.Run(() =>
            {
                Assert.Equal(1, reader.CountArticles());
                Assert.NotNull(reader.GetDocument(raw.Id));
                Assert.Equal("old", Assert.Single(reader.GetStories()).Id);
                Assert.NotNull(reader.GetStory("old"));
                Assert.Equal(1, reader.StoriesAssignedFrom());
            });
            Assert.True(read.Wait(TimeSpan.FromSeconds(20)), "a reader waited for the rebuild's transaction");
        }

        Store.RunExclusive(() =>
        {
            Store.ClearDerived();
            ReaderSeesOld();
            Store.SaveDocument(Full(raw.Id));
            Store.ReplaceStories([Story("new", "New story", raw.Id)], new Dictionary<string, string>(), assignedFromArticles: 1);
            ReaderSeesOld();
        });

        Assert.Equal("new", Assert.Single(reader.GetStories()).Id);
        Assert.Equal(1, reader.CountArticles());
    }

    [ContractFact]
    public void ClearDerived_keeps_raw_inputs_only()
    {
        var raw = Raw("kept through reprocessing");
        Store.AddRaw(raw);
        Store.SaveDocument(Full(raw.Id));
        Store.ReplaceStories([Story("s1", "Story", raw.Id)], new Dictionary<string, string> { ["s0"] = "s1" });

        Store.ClearDerived();

        Assert.Equal(1, Store.CountRaw());
        Assert.Equal(raw.Content, Store.GetRaw(raw.Id)!.Content);
        Assert.Equal(0, Store.CountArticles());
        Assert.Null(Store.GetDocument(raw.Id));
        Assert.Empty(Store.AllDocuments());
        Assert.Empty(Store.GetStories());
        Assert.Null(Store.GetStory("s0"));
        Assert.Empty(Store.Search("Ferreira"));

        // Rebuilding after a clear works as on a fresh store.
        Store.SaveDocument(Full(raw.Id));
        Assert.Equal(raw.Id, Assert.Single(Store.Search("Ferreira")).ArticleId);
    }

    [ContractFact]
    public void A_failed_transaction_keeps_nothing_and_leaves_earlier_data_intact()
    {
        var before = Raw("stored before");
        Store.AddRaw(before);
        Store.SaveDocument(Plain(before.Id, "Before", "Stored earlier."));

        var error = Assert.Throws<InvalidOperationException>(() => Store.RunInTransaction(() =>
        {
            Store.AddRaw(Raw("never kept"));
            Store.SaveDocument(Plain(before.Id, "Overwritten", "Should be rolled back."));
            Store.ReplaceStories([Story("s1", "Lost")], new Dictionary<string, string>());
            throw new InvalidOperationException("stage failed");
        }));

        Assert.Equal("stage failed", error.Message);
        Assert.Equal(1, Store.CountRaw());
        Assert.Equal("Before", Store.GetDocument(before.Id)!.Article.Title);
        Assert.Empty(Store.GetStories());
        Assert.Empty(Store.Search("rolled"));
        // The store is still usable afterwards.
        Assert.True(Store.AddRaw(Raw("after the failure")));
    }

    [ContractFact]
    public void Nested_transactions_join_the_outer_one()
    {
        Assert.Throws<InvalidOperationException>(() => Store.RunInTransaction(() =>
        {
            Store.RunInTransaction(() => Store.AddRaw(Raw("inner")));
            throw new InvalidOperationException("outer fails");
        }));
        Assert.Equal(0, Store.CountRaw());

        Store.RunInTransaction(() =>
        {
            Store.RunInTransaction(() => Store.AddRaw(Raw("inner ok")));
            Store.AddRaw(Raw("outer ok"));
        });
        Assert.Equal(2, Store.CountRaw());
    }

    [ContractFact]
    public void Enumerating_while_writing_sees_every_input_once()
    {
        for (var i = 0; i < 40; i++) Store.AddRaw(Raw($"input {i}"));
        var seen = 0;
        foreach (var raw in Store.AllRaw())
        {
            Store.SaveDocument(Plain(raw.Id, $"Title {seen}", "Processed while reading."));
            seen++;
        }
        Assert.Equal(40, seen);
        Assert.Equal(40, Store.CountArticles());
    }

    // ---- several handles (processes or workers) on one store ----

    [ContractFact]
    public void Another_handle_sees_committed_writes_only()
    {
        Store.AddRaw(Raw("committed"));
        using var other = OpenAgain();
        Assert.Equal(1, other.CountRaw());

        Store.RunInTransaction(() =>
        {
            Store.AddRaw(Raw("not yet committed"));
            Assert.Equal(1, other.CountRaw());
        });
        Assert.Equal(2, other.CountRaw());
        Assert.False(other.AddRaw(Raw("committed")));
    }

    [ContractFact]
    public async Task RunExclusive_work_of_two_handles_never_overlaps()
    {
        Store.AddRaw(Raw("setup"));
        using var other = OpenAgain();
        using var firstEntered = new ManualResetEventSlim();
        var order = new List<string>();

        var first = Task.Run(() => Store.RunExclusive(() =>
        {
            firstEntered.Set();
            Thread.Sleep(400);
            Store.AddRaw(Raw("first writer"));
            lock (order) order.Add("first done");
        }));
        Assert.True(firstEntered.Wait(TimeSpan.FromSeconds(30)));
        var second = Task.Run(() => other.RunExclusive(() =>
        {
            lock (order) order.Add("second started");
            // Work that reads then writes sees the first one's committed result.
            other.AddRaw(Raw($"second writer saw {other.CountRaw()}"));
        }));
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(["first done", "second started"], order);
        Assert.Contains(Store.AllRaw(), r => r.Content.AsSpan().SequenceEqual("second writer saw 2"u8));
    }

    [ContractFact]
    public void TryRunExclusive_runs_the_work_when_no_one_holds_the_lock_and_rolls_back_on_failure()
    {
        Assert.True(Store.TryRunExclusive(() => Store.AddRaw(Raw("kept"))));
        Assert.Throws<InvalidOperationException>(() => Store.TryRunExclusive(() =>
        {
            Store.AddRaw(Raw("rolled back"));
            throw new InvalidOperationException("assignment failed");
        }));
        Assert.Equal(1, Store.CountRaw());
        using var other = OpenAgain();
        Assert.True(other.TryRunExclusive(() => other.AddRaw(Raw("after the failure"))));
        Assert.Equal(2, Store.CountRaw());
    }

    [ContractFact]
    public void RunExclusive_rolls_back_on_failure()
    {
        Assert.Throws<InvalidOperationException>(() => Store.RunExclusive(() =>
        {
            Store.AddRaw(Raw("rolled back"));
            throw new InvalidOperationException("assignment failed");
        }));
        Assert.Equal(0, Store.CountRaw());
        Store.RunExclusive(() => Store.RunExclusive(() => Store.AddRaw(Raw("kept"))));
        Assert.Equal(1, Store.CountRaw());
    }
}
