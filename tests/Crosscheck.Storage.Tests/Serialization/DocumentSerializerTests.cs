using System.Text.Json;
using Crosscheck.Core.Model;
using Crosscheck.Testing;
using Xunit;
using static Crosscheck.Storage.Tests.Contract.SampleDocuments;

namespace Crosscheck.Storage.Tests.Serialization;

public sealed class DocumentSerializerTests
{
    [Fact]
    public void Whole_document_round_trips_exactly()
    {
        var document = Full();
        AssertSame(document, DocumentSerializer.Deserialize(DocumentSerializer.Serialize(document)));
    }

    [Fact]
    public void Page_type_round_trips_and_an_article_payload_stays_as_before_page_types()
    {
        var thread = Docs.Of("Has anyone seen the ferry timetable?", "t1");
        thread.Article.PageType = PageType.Forum;
        var article = Docs.Of("The ferry resumed on Monday.", "a1");

        Assert.Equal(PageType.Forum, DocumentSerializer.Deserialize(DocumentSerializer.Serialize(thread)).Article.PageType);
        Assert.DoesNotContain("page_type", DocumentSerializer.Serialize(article), StringComparison.Ordinal);
        Assert.Equal(PageType.Article, DocumentSerializer.Deserialize(DocumentSerializer.Serialize(article)).Article.PageType);
    }

    [Fact]
    public void Each_layer_round_trips_on_its_own()
    {
        var document = Full();
        var copy = new Document(document.Article);
        foreach (var layer in document.Layers) DocumentSerializer.ReadLayer(copy, layer, DocumentSerializer.SerializeLayer(document, layer));
        AssertSame(document, copy);
    }

    [Fact]
    public void Absent_and_empty_layers_are_told_apart()
    {
        var document = Docs.Of("Short text.", "d1");
        document.Quotes = [];

        var read = DocumentSerializer.Deserialize(DocumentSerializer.Serialize(document));

        Assert.True(read.Has(Layer.Quotes));
        Assert.Empty(read.Quotes);
        Assert.Equal([Layer.Quotes], read.Layers);
    }

    [Fact]
    public void SerializeLayer_refuses_an_absent_layer()
    {
        Assert.Throws<ArgumentException>(() => DocumentSerializer.SerializeLayer(Docs.Of("x"), Layer.Tokens));
    }

    [Fact]
    public void Extreme_numbers_keep_every_bit()
    {
        var document = Docs.Of("Amounts: 1 2 3 4 5.");
        document.Quantities =
        [
            new Quantity(new TextSpan(9, 1), QuantityKind.Count, double.NaN),
            new Quantity(new TextSpan(11, 1), QuantityKind.Money, double.PositiveInfinity, High: double.NegativeInfinity, Unit: "USD"),
            new Quantity(new TextSpan(13, 1), QuantityKind.Measure, double.Epsilon, High: double.MaxValue),
            new Quantity(new TextSpan(15, 1), QuantityKind.Percent, -0.0, Normalized: new NormalizedValue(1e-300, "USD")),
        ];
        document.Mentions = [new Mention(new TextSpan(0, 7), EntityType.Misc, Confidence: float.Epsilon)];

        var read = DocumentSerializer.Deserialize(DocumentSerializer.Serialize(document));

        Assert.Equal(document.Quantities, read.Quantities);
        Assert.True(double.IsNegative(read.Quantities[3].Value));
        Assert.Equal(float.Epsilon, read.Mentions[0].Confidence);
    }

    [Fact]
    public void Tokens_are_stored_compactly_with_kinds_named()
    {
        var document = Docs.Of("Rain fell, 12 mm.");
        document.Tokens =
        [
            new Token(new TextSpan(0, 4), TokenKind.Word),
            new Token(new TextSpan(5, 4), TokenKind.Word),
            new Token(new TextSpan(9, 1), TokenKind.Punctuation),
            new Token(new TextSpan(11, 2), TokenKind.Number),
            new Token(new TextSpan(14, 2), TokenKind.Word),
        ];

        var json = DocumentSerializer.SerializeLayer(document, Layer.Tokens);

        Assert.Equal("""{"k":["Word","Punctuation","Number"],"t":[0,4,0,5,4,0,9,1,1,11,2,2,14,2,0]}""", json);
    }

    [Fact]
    public void Defaults_are_left_out_of_the_json()
    {
        var document = Docs.Of("Officials met.");
        document.Mentions = [new Mention(new TextSpan(0, 9), EntityType.Person)];
        Assert.Equal("""[{"s":0,"l":9,"t":"Person"}]""", DocumentSerializer.SerializeLayer(document, Layer.Mentions));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("null")]
    [InlineData("""{"k":["Word"],"t":[0,4,3]}""")]
    [InlineData("""{"k":["Glyph"],"t":[0,4,0]}""")]
    [InlineData("""{"k":["Word"],"t":[0,4]}""")]
    public void Malformed_layers_raise_a_json_error(string json)
    {
        Assert.ThrowsAny<JsonException>(() => DocumentSerializer.ReadLayer(Docs.Of("Rain fell."), Layer.Tokens, json));
    }

    [Fact]
    public void Hints_round_trip_and_none_stays_none()
    {
        var hints = new IngestHints { Published = new DateTimeOffset(2022, 5, 1, 6, 0, 0, TimeSpan.FromHours(-3)), Outlet = "Valley Times" };
        var read = DocumentSerializer.DeserializeHints(DocumentSerializer.SerializeHints(hints));
        Assert.Equal(hints, read);
        Assert.Equal(TimeSpan.FromHours(-3), read.Published!.Value.Offset);
        Assert.Same(IngestHints.None, DocumentSerializer.DeserializeHints(DocumentSerializer.SerializeHints(IngestHints.None)));
    }

    [Fact]
    public void Crawl_hints_round_trip()
    {
        var hints = new IngestHints { Url = "https://a.example/p", Fetched = new DateTimeOffset(2023, 3, 14, 9, 26, 53, TimeSpan.Zero), Charset = "iso-8859-2" };
        Assert.Equal(hints, DocumentSerializer.DeserializeHints(DocumentSerializer.SerializeHints(hints)));
        var fetchedOnly = new IngestHints { Fetched = hints.Fetched };
        Assert.Equal(fetchedOnly, DocumentSerializer.DeserializeHints(DocumentSerializer.SerializeHints(fetchedOnly)));
    }

    [Fact]
    public void Diagnostics_round_trip_in_order()
    {
        Diagnostic[] diagnostics = [new("extract", DiagnosticSeverity.Error, "no body found"), new("quotes", DiagnosticSeverity.Info, "unbalanced \" quote")];
        Assert.Equal(diagnostics, DocumentSerializer.DeserializeDiagnostics(DocumentSerializer.SerializeDiagnostics(diagnostics)));
    }
}
