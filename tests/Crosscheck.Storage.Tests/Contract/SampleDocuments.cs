using Crosscheck.Core.Model;
using Crosscheck.Core.Text;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Storage.Tests.Contract;

/// <summary>Hand-built inputs and documents for store tests, and an exact comparison of documents.</summary>
public static class SampleDocuments
{
    public const string StrikeBody =
        "Dock workers in the port city walked out on Tuesday, and at least 1,200 of them joined the strike, " +
        "according to the Harbour Gazette.\n\n" +
        "\"We will not go back until the contract is signed,\" union leader Marta Ferreira said. " +
        "The port authority offered 4 million euros per month, up to 15% more than last year.";

    public static RawInput Raw(string text, string source = "inbox/a.html", RawKind kind = RawKind.Html, DateTimeOffset? receivedAt = null, IngestHints? hints = null)
    {
        var content = System.Text.Encoding.UTF8.GetBytes(text);
        return new RawInput
        {
            Id = ContentHash.Of(content),
            Source = source,
            Kind = kind,
            Content = content,
            ReceivedAt = receivedAt ?? new DateTimeOffset(2024, 3, 5, 9, 30, 15, 123, TimeSpan.FromHours(2)),
            Hints = hints ?? IngestHints.None,
        };
    }

    /// <summary>A plain article with a body and title, no layers.</summary>
    public static Document Plain(string id, string title, string body, string? outlet = null) => Docs.Of(body, id, outlet, title: title);

    /// <summary>A document carrying every layer, with every optional field used somewhere.</summary>
    public static Document Full(string id = "full-doc")
    {
        var document = Docs.Of(StrikeBody, id, outlet: "Harbour Gazette",
            published: new DateTimeOffset(2024, 3, 5, 18, 45, 0, TimeSpan.FromHours(-5)), title: "Dock strike spreads");
        var article = document.Article;
        article.Url = "https://news.example/port/strike";
        article.Byline = "Ana Lopes";
        article.Language = "en";
        article.Published = new Found<DateTimeOffset>(article.Published!.Value, "json-ld");
        article.Diagnostics.Add(new Diagnostic("extract", DiagnosticSeverity.Warning, "byline found twice; kept the first"));
        article.Diagnostics.Add(new Diagnostic("annotate", DiagnosticSeverity.Info, "no dateline"));

        var firstParagraphEnd = StrikeBody.IndexOf("\n\n", StringComparison.Ordinal);
        var quoteStart = firstParagraphEnd + 2;
        var secondSentence = StrikeBody.IndexOf("The port authority", StringComparison.Ordinal);
        document.Sentences =
        [
            new Sentence(TextSpan.FromBounds(0, firstParagraphEnd)),
            new Sentence(TextSpan.FromBounds(quoteStart, secondSentence - 1)),
            new Sentence(TextSpan.FromBounds(secondSentence, StrikeBody.Length)),
        ];
        document.Tokens =
        [
            new Token(document.Find("Dock"), TokenKind.Word),
            new Token(document.Find("1,200"), TokenKind.Number),
            new Token(document.Find(","), TokenKind.Punctuation),
            new Token(document.Find("%"), TokenKind.Symbol),
            new Token(document.Find("Harbour"), TokenKind.Word),
        ];
        var union = document.Find("Marta Ferreira");
        document.Mentions =
        [
            new Mention(document.Find("Harbour Gazette"), EntityType.Org),
            new Mention(union, EntityType.Person, Role: "union leader", Confidence: 0.87f),
        ];
        document.Quantities =
        [
            new Quantity(document.Find("at least 1,200"), QuantityKind.Count, 1200, Qualifier: Qualifier.AtLeast,
                Counted: document.Find("of them"), CountedHead: "workers"),
            new Quantity(document.Find("4 million euros"), QuantityKind.Money, 4_000_000, Unit: "EUR", Period: "month",
                Normalized: new NormalizedValue(4_352_000.000000001, "USD", "ECB rate of 2024-03-05")),
            new Quantity(document.Find("up to 15%"), QuantityKind.Percent, 0.1 + 0.2, High: 15.5, Qualifier: Qualifier.UpTo),
        ];
        document.TimeExpressions =
        [
            new TimeExpression(document.Find("Tuesday"), "2024-03-05", TimeGranularity.Day, Relative: true, Confidence: 0.75f),
            new TimeExpression(document.Find("last year"), "2023", TimeGranularity.Year, Rule: "Relative"),
        ];
        document.Quotes =
        [
            new Quote(document.Find("We will not go back until the contract is signed,"), Direct: true, Cue: "said",
                SpeakerSpan: union, SpeakerMention: 1, Rule: "QuoteBeforeSpeaker"),
            new Quote(document.Find("at least 1,200 of them joined the strike"), Direct: false, SpeakerDescription: "a port official"),
        ];
        document.Citations = [new Citation(document.Find("Harbour Gazette"), "Harbour Gazette", IsOutlet: true, Rule: "CueBeforeOutlet")];
        return document;
    }

    /// <summary>
    /// Asserts what a store upgraded from before the story state (schema version 3) holds: the document and the
    /// story as written then, no story state yet (the next placement builds it by one replay, waiting for the
    /// article), and a story state that can then be saved over it.
    /// </summary>
    public static void AssertUpgradedWithoutStoryState(IStore store, Document document, string redirectedStoryId)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(document);
        AssertSame(document, store.GetDocument(document.Id)!);
        Assert.Equal([document.Id], store.GetStory(redirectedStoryId)!.ArticleIds);
        Assert.Null(store.LoadStoryStateHeader());
        Assert.Equal([document.Id], store.ArticlesWithoutStoryState());
        store.SaveStoryState(new Crosscheck.Core.Pipeline.StoryStateChanges
        {
            Header = new Crosscheck.Core.Pipeline.StoryStateHeader(Documents: 1, Arrivals: 1, StoryCount: 1, LiveStories: 1),
            Reset = true,
            States = [new Crosscheck.Core.Pipeline.StoredStoryState(0, [1])],
            ArticleStories = new Dictionary<string, int> { [document.Id] = 0 },
        });
        Assert.Empty(store.ArticlesWithoutStoryState());
        Assert.Equal(0, store.LoadStoryIndexOfArticle(document.Id));
    }

    /// <summary>
    /// Asserts what a store upgraded from schema version 5 (before the unplaced articles had rows of their own) lists as
    /// waiting for a placement: the articles the story state had not placed, in arrival order, and no others.
    /// </summary>
    public static void AssertUpgradedUnplacedArticles(IStore store, IReadOnlyList<string> unplaced, string placed)
    {
        ArgumentNullException.ThrowIfNull(store);
        Assert.Equal(unplaced, store.ArticlesWithoutStoryState());
        Assert.Equal(0, store.LoadStoryIndexOfArticle(placed));
        store.SaveStoryState(new Crosscheck.Core.Pipeline.StoryStateChanges
        {
            Header = new Crosscheck.Core.Pipeline.StoryStateHeader(Documents: 2, Arrivals: 2, StoryCount: 1, LiveStories: 1),
            ArticleStories = new Dictionary<string, int> { [unplaced[0]] = 0 },
        });
        Assert.Equal(unplaced.Skip(1), store.ArticlesWithoutStoryState());
    }

    /// <summary>
    /// Asserts what a store upgraded from schema version 5 holds for the feature a test wrote as version 5 did (key 7:
    /// document frequency 3, postings [1], first sighting 5): the row as it was, with the kinds of name unknown (null),
    /// and kinds counted from the next save on.
    /// </summary>
    public static void AssertFeatureUpgradedWithKindsUnknown(IStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var feature = store.LoadStoryFeatures([7])[7];
        Assert.Equal((3, 5L), (feature.DocumentFrequency, feature.Order));
        Assert.Equal([1], feature.Postings);
        Assert.Null(feature.NameTypes);
        store.SaveStoryState(new Crosscheck.Core.Pipeline.StoryStateChanges
        {
            Header = new Crosscheck.Core.Pipeline.StoryStateHeader(Documents: 4, Arrivals: 4, StoryCount: 2, LiveStories: 2),
            Features = new Dictionary<long, Crosscheck.Core.Pipeline.StoredFeature> { [7] = feature with { DocumentFrequency = 4, NameTypes = [1, 0, 0, 0] } },
        });
        Assert.Equal([1, 0, 0, 0], store.LoadStoryFeatures([7])[7].NameTypes ?? []);
    }

    /// <summary>
    /// Story states as a version-7 store wrote them (idx, state, absorbed, retired, last arrival, last published), to insert
    /// before upgrading: story 0 retired, 1 merged, 2 live and recent, 3 live but idle.
    /// </summary>
    /// <param name="bytes">The backend's literal of a byte string given in hexadecimal.</param>
    public static string Version7StoryStates(Func<string, string> bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return $"(0, {bytes("61")}, FALSE, TRUE, 9, NULL), (1, {bytes("62")}, TRUE, FALSE, 0, NULL), (2, {bytes("63")}, FALSE, FALSE, 9, NULL), (3, {bytes("64")}, FALSE, FALSE, 1, NULL)";
    }

    /// <summary>After the upgrade to the index of what says whether a story can be a candidate (step 8), the rows of <see cref="Version7StoryStates"/> answer as before.</summary>
    public static void AssertStoryStatesUpgradedWithTheCandidateIndex(IStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Assert.Equal([0], store.LoadRetiredStories([0, 1, 2, 3]));
        Assert.Equal([1, 2], store.LoadStoryStates([0, 1, 2, 3], new Crosscheck.Core.Pipeline.StoryCandidateWindow(MinLastArrival: 5, MinLastPublishedTicks: null))
            .Select(s => s.Index).Order());
        Assert.Equal("c"u8.ToArray(), store.LoadStoryStates([2], new Crosscheck.Core.Pipeline.StoryCandidateWindow(5, null)).Single().State);
    }

    /// <summary>
    /// After the upgrade to template-page marks (step 9), an article a version-8 store placed (a test wrote "old" in story 0 as
    /// version 8 did) reads as unknown, and an article placed from then on carries its mark.
    /// </summary>
    public static void AssertPlacementsUpgradedWithTemplateMarksUnknown(IStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Assert.Equal(0, store.LoadStoryIndexOfArticle("old"));
        Assert.Empty(store.LoadTemplatePageMarks(["old"]));
        store.SaveStoryState(new Crosscheck.Core.Pipeline.StoryStateChanges
        {
            Header = new Crosscheck.Core.Pipeline.StoryStateHeader(Documents: 2, Arrivals: 2, StoryCount: 2, LiveStories: 2),
            ArticleStories = new Dictionary<string, int> { ["new"] = 1 },
            TemplatePages = new Dictionary<string, bool> { ["new"] = true },
        });
        Assert.Equal(new Dictionary<string, bool> { ["new"] = true }, store.LoadTemplatePageMarks(["old", "new"]));
    }

    /// <summary>
    /// A store upgraded from version 9 (placements stored, no detector windows): its windows are empty with their clocks at 0,
    /// the placements stay, and the next save's window texts are kept.
    /// </summary>
    public static void AssertPlacementsUpgradedWithEmptyDetectorWindows(IStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Assert.Equal(0, store.LoadStoryIndexOfArticle("old"));
        Assert.Equal(new Dictionary<string, bool> { ["old"] = true }, store.LoadTemplatePageMarks(["old"]));
        Assert.Equal(0, store.LoadWindowClock(Crosscheck.Core.Pipeline.TextWindow.Copies));
        Assert.Equal(0, store.LoadWindowClock(Crosscheck.Core.Pipeline.TextWindow.Templates));
        store.SaveStoryState(new Crosscheck.Core.Pipeline.StoryStateChanges
        {
            Header = new Crosscheck.Core.Pipeline.StoryStateHeader(Documents: 2, Arrivals: 2, StoryCount: 2, LiveStories: 2),
            WindowTexts = [new(Crosscheck.Core.Pipeline.TextWindow.Templates, 2, "new", [11, 12], [1])],
            WindowsFrom = new Dictionary<Crosscheck.Core.Pipeline.TextWindow, long> { [Crosscheck.Core.Pipeline.TextWindow.Copies] = 1 },
        });
        Assert.Equal(2, store.LoadWindowClock(Crosscheck.Core.Pipeline.TextWindow.Templates));
        Assert.Equal([2L], store.LoadWindowPostings(Crosscheck.Core.Pipeline.TextWindow.Templates, [12]).Select(p => p.Number));
    }

    /// <summary>Asserts that two documents hold the same article, diagnostics and layers (absent and empty told apart).</summary>
    public static void AssertSame(Document expected, Document actual)
    {
        var a = expected.Article;
        var b = actual.Article;
        Assert.Equal(a.Id, b.Id);
        Assert.Equal(a.Source, b.Source);
        Assert.Equal(a.Url, b.Url);
        Assert.Equal(a.Outlet, b.Outlet);
        Assert.Equal(a.Title, b.Title);
        Assert.Equal(a.Byline, b.Byline);
        Assert.Equal(a.Published, b.Published);
        Assert.Equal(a.Published?.Value.Offset, b.Published?.Value.Offset);
        Assert.Equal(a.Language, b.Language);
        Assert.Equal(a.Body, b.Body);
        Assert.Equal(a.PageType, b.PageType);
        Assert.Equal(a.Diagnostics, b.Diagnostics);
        foreach (var layer in Enum.GetValues<Layer>())
            Assert.True(expected.Has(layer) == actual.Has(layer), $"layer {layer}: expected present={expected.Has(layer)}, was {actual.Has(layer)}");
        Assert.Equal(expected.Sentences, actual.Sentences);
        Assert.Equal(expected.Tokens, actual.Tokens);
        Assert.Equal(expected.Mentions, actual.Mentions);
        Assert.Equal(expected.Quantities, actual.Quantities);
        Assert.Equal(expected.TimeExpressions, actual.TimeExpressions);
        Assert.Equal(expected.Quotes, actual.Quotes);
        Assert.Equal(expected.Citations, actual.Citations);
    }
}
