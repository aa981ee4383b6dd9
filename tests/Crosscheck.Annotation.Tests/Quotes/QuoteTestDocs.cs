using Crosscheck.Annotation.Quotes;
using Crosscheck.Annotation.Tests.Claims;
using Crosscheck.Core.Model;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Annotation.Tests.Quotes;

/// <summary>What the quote tests share: run the recognizer over hand-made mentions and read its quotes back.</summary>
internal static class QuoteTestDocs
{
    /// <summary>The person most quote tests give a mention to.</summary>
    public static readonly (string Name, EntityType Type, string? Role) JaneDoe = ("Jane Doe", EntityType.Person, null);

    public static Document Run(string text, params (string Name, EntityType Type, string? Role)[] mentions) => RunWith(new QuoteOptions(), text, mentions);

    public static Document RunWith(QuoteOptions options, string text, params (string Name, EntityType Type, string? Role)[] mentions)
    {
        var document = ClaimDocs.With(text, null, mentions);
        new QuoteRecognizer(options).Process(document);
        LayerAssert.SpansWellFormed(document);
        return document;
    }

    /// <summary>The recogniser's options with one attribution rule switched off.</summary>
    public static QuoteOptions Without(AttributionRule rule) => new() { DisabledAttributionRules = new HashSet<AttributionRule> { rule } };

    /// <summary>The one quote whose text contains <paramref name="part"/>; fails listing every quote otherwise.</summary>
    public static Quote Containing(Document document, string part)
    {
        var matches = document.Quotes.Where(q => document[q.Span].Contains(part, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1, $"expected one quote containing '{part}', found {matches.Count}: {string.Join(" | ", document.Quotes.Select(q => document[q.Span]))}");
        return matches[0];
    }

    /// <summary>The speaker's mention text, or the description when no mention was linked.</summary>
    public static string? Speaker(Document document, Quote quote) =>
        quote.SpeakerMention is { } m ? document[document.Mentions[m].Span] : quote.SpeakerDescription;

    public static string? SpeakerAsWritten(Document document, Quote quote) =>
        quote.SpeakerSpan is { } span ? document[span] : null;
}
