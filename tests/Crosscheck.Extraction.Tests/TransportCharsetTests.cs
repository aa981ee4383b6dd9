using System.Text;
using Crosscheck.Core.Model;

namespace Crosscheck.Extraction.Tests;

/// <summary>Charsets as a crawl delivers them: declared in the HTTP header, in the page, both, wrongly, or not at all.</summary>
public class TransportCharsetTests
{
    private static readonly ArticleExtractor Extractor = new();

    static TransportCharsetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Russian = "Министр заявил в четверг, что реформа вступит в силу летом, несмотря на забастовки.";
    private const string French = "Le ministre a déclaré jeudi que la réforme entrera en vigueur à l'été, malgré les grèves.";

    private static Article Extract(byte[] bytes, string? charset) =>
        Extractor.Extract(TestInputs.Bytes(bytes, RawKind.Html, hints: new IngestHints { Charset = charset }));

    [Fact]
    public void Http_charset_decodes_a_page_that_declares_none()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes("<html><body><article><p>" + Russian + "</p></article></body></html>");

        var article = Extract(bytes, "windows-1251");

        Assert.Equal(Russian, article.Body);
        Assert.Contains(article.Diagnostics, d => d.Message.Contains("http header", StringComparison.Ordinal));
    }

    [Fact]
    public void Http_charset_outranks_a_wrong_meta_declaration()
    {
        var bytes = Encoding.GetEncoding(1251).GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><p>" + Russian + "</p></body></html>");

        Assert.Equal(Russian, Extract(bytes, "windows-1251").Body);
    }

    [Fact]
    public void Utf8_bytes_win_over_a_default_latin1_http_header()
    {
        var bytes = Encoding.UTF8.GetBytes("<html><body><p>" + French + "</p></body></html>");

        var article = Extract(bytes, "ISO-8859-1");

        Assert.Equal(French, article.Body);
        Assert.Contains(article.Diagnostics, d => d.Message.Contains("despite http header", StringComparison.Ordinal));
    }

    [Fact]
    public void Latin1_bytes_without_any_declaration_are_read_as_windows_1252()
    {
        var bytes = Encoding.Latin1.GetBytes("<html><body><p>" + French + "</p></body></html>");

        var article = Extract(bytes, null);

        Assert.Equal(French, article.Body);
        Assert.Contains(article.Diagnostics, d => d.Message.Contains("windows-1252", StringComparison.Ordinal));
    }

    [Fact]
    public void Utf16_big_endian_with_bom_is_decoded_whatever_the_header_says()
    {
        var text = "<html><body><p>" + French + "</p></body></html>";
        byte[] bytes = [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)];

        Assert.Equal(French, Extract(bytes, "iso-8859-1").Body);
    }

    [Fact]
    public void Unknown_http_charset_falls_back_to_the_page_declaration()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<html><head><meta charset=\"windows-1252\"></head><body><p>" + French + "</p></body></html>");

        Assert.Equal(French, Extract(bytes, "x-no-such-charset").Body);
    }

    [Fact]
    public void Truncated_page_says_it_may_have_been_cut_off()
    {
        var article = Extract(Encoding.UTF8.GetBytes("<html><head><title>Cut</title></head><body><article><p>" + French + "</p><p>La suite de l'arti"), null);

        Assert.StartsWith(French, article.Body);
        Assert.Contains(article.Diagnostics, d => d.Message.Contains("cut off", StringComparison.Ordinal));
        Assert.DoesNotContain(Extract(Encoding.UTF8.GetBytes("<html><body><p>" + French + "</p></body></html>"), null).Diagnostics,
            d => d.Message.Contains("cut off", StringComparison.Ordinal));
    }
}
