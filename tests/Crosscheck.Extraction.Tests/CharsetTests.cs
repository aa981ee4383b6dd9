using System.Text;
using Crosscheck.Core.Model;

namespace Crosscheck.Extraction.Tests;

public class CharsetTests
{
    private static readonly ArticleExtractor Extractor = new();

    static CharsetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Sentence = "Le ministre a déclaré jeudi que la réforme des retraites entrera en vigueur à l'été, malgré les grèves.";

    [Fact]
    public void Windows_1252_page_without_declaration_is_decoded()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<html><body><article><p>" + Sentence + "</p></article></body></html>");

        var article = Extractor.Extract(TestInputs.Bytes(bytes, RawKind.Html));

        Assert.Equal(Sentence, article.Body);
        Assert.Contains(article.Diagnostics, d => d.Message.Contains("windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public void Declared_latin1_is_honoured()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><head><meta charset='iso-8859-1'></head><body><p>" + Sentence + "</p></body></html>");

        Assert.Equal(Sentence, Extractor.Extract(TestInputs.Bytes(bytes, RawKind.Html)).Body);
    }

    [Fact]
    public void Wrong_declaration_falls_back_when_bytes_are_not_utf8()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<html><head><meta charset='utf-8'></head><body><p>" + Sentence + "</p></body></html>");

        var article = Extractor.Extract(TestInputs.Bytes(bytes, RawKind.Html));

        Assert.Equal(Sentence, article.Body);
        Assert.Contains(article.Diagnostics, d => d.Message.Contains("fell back", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Utf16_with_or_without_bom_is_decoded(bool bom)
    {
        var text = "<html><body><p>" + Sentence + "</p></body></html>";
        var bytes = bom ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)] : Encoding.Unicode.GetBytes(text);

        Assert.Equal(Sentence, Extractor.Extract(TestInputs.Bytes(bytes, RawKind.Html)).Body);
    }

    [Fact]
    public void Utf8_bom_is_not_part_of_the_text()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Headline here\n\n" + Sentence)];

        var article = Extractor.Extract(TestInputs.Bytes(bytes, RawKind.Text));

        Assert.Equal("Headline here", article.Title);
        Assert.Equal(Sentence, article.Body);
    }
}
