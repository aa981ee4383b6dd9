using System.Text;
using Crosscheck.Annotation.Citations;
using Crosscheck.Annotation.Quantities;
using Crosscheck.Annotation.Quotes;
using Crosscheck.Annotation.Time;
using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Testing;
using Xunit;

namespace Crosscheck.Annotation.Tests.Claims;

/// <summary>Random and hostile input: the claim stages never throw and keep every span inside the text and sorted.</summary>
public class ClaimRandomInputTests
{
    private static readonly string[] Pieces =
    [
        "said", "told", "according to", "Reuters", "AFP", "the BBC", "“", "”", "\"", "«", "»", "'", ",", ".", ":", ";", "\n", "\n\n",
        "$", "US$", "€", "£", "CFAF", "CFA francs", "million", "billion", "a thousand", "some", "up to", "between", "to", "-", "–",
        "per month", "monthly", "%", "percent", "1,000", "2.5m", "10^400", "0", "31", "2021", "99999999999999999999", "1,2,3",
        "September", "Feb.", "May", "last", "next", "week", "on", "Monday", "yesterday", "in", "late", "he", "she", "spokesman",
        "Jane Doe", "the prime minister", "a diplomatic source", "citing", "sources", "(", ")", "-strong", "×", "\u00A0", "\uD83D\uDE00",
        "\uD800", "é", "ß", "x",
    ];

    private static readonly IDocumentStage[] Stages =
        [new QuantityRecognizer(), new TimeExpressionRecognizer(), new QuoteRecognizer(), new CitationRecognizer()];

    [Fact]
    public void Random_text_never_throws_and_spans_stay_in_bounds()
    {
        var random = new Random(20260501);
        for (var round = 0; round < 400; round++)
        {
            var builder = new StringBuilder();
            var pieces = random.Next(0, 80);
            for (var p = 0; p < pieces; p++)
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
                if (random.Next(3) > 0) builder.Append(' ');
            }
            var text = builder.ToString();
            var document = ClaimDocs.With(text, random.Next(2) == 0 ? null : new DateTimeOffset(2021, 9, 15, 0, 0, 0, TimeSpan.Zero),
                ("Jane Doe", EntityType.Person, "spokesman"), ("Reuters", EntityType.Org, null));
            foreach (var stage in Stages) stage.Process(document);
            LayerAssert.SpansWellFormed(document);
            foreach (var quote in document.Quotes)
            {
                if (quote.SpeakerSpan is { } speaker) Assert.True(speaker.Start >= 0 && speaker.End <= text.Length);
                if (quote.SpeakerMention is { } mention) Assert.InRange(mention, 0, document.Mentions.Length - 1);
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"")]
    [InlineData("“““““")]
    [InlineData("”””””")]
    [InlineData("\n\n\n")]
    [InlineData("$")]
    [InlineData("said said said")]
    [InlineData("according to")]
    public void Degenerate_inputs(string text)
    {
        var document = ClaimDocs.Plain(text);
        foreach (var stage in Stages) stage.Process(document);
        LayerAssert.SpansWellFormed(document);
    }

    [Fact]
    public void Sentences_pointing_outside_the_text_are_clamped()
    {
        var document = Docs.Of("He said \"yes\" on Monday for $5.");
        document.Sentences = [new Sentence(new TextSpan(0, 500)), new Sentence(new TextSpan(-3, 2))];
        document.Mentions = [];
        foreach (var stage in Stages) stage.Process(document);
        Assert.NotEmpty(document.Quantities);
        document.Sentences = []; // the malformed input layer is not ours to check; every layer we set must be well formed
        LayerAssert.SpansWellFormed(document);
    }

    [Fact]
    public void Huge_input_is_bounded_and_absurd_numbers_are_rejected()
    {
        var text = string.Concat(Enumerable.Repeat("The fund paid $" + new string('7', 400) + " to 10^400 people. ", 200)) + "\"" + new string('a', 50_000);
        var document = ClaimDocs.Plain(text);
        foreach (var stage in Stages) stage.Process(document);
        LayerAssert.SpansWellFormed(document);
        Assert.DoesNotContain(document.Quantities, q => q.Value > 1e15 || !double.IsFinite(q.Value));
        Assert.Contains(document.Diagnostics, d => d.Stage == "quantities" && d.Message.Contains("absurd", StringComparison.Ordinal));
    }
}
