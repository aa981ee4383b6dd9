using System.Diagnostics;
using System.Text;
using Crosscheck.Core.Model;
using CsCheck;

namespace Crosscheck.Extraction.Tests;

/// <summary>
/// Random-input checks of the whole extractor (Lucene's token-stream test kit in spirit): for any
/// bytes of any kind, extraction returns, within its limits, a body that is well formed, and says
/// what went wrong instead of throwing. CsCheck shrinks a failing input to a small one.
/// </summary>
public class ExtractorFuzzTests
{
    private static readonly ArticleExtractor Extractor = new();
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(10);

    static ExtractorFuzzTests() => Extractor.Extract(TestInputs.Text("Warm-up\n\nThe language models are loaded by this sentence before any input is timed."));

    /// <summary>Markup pieces chosen to hit parser corners: unclosed and misnested tags, raw-text elements, entities, bogus charsets.</summary>
    private static readonly string[] Pieces =
    [
        "<div>", "</div>", "<p>", "</p>", "<article>", "</article>", "<a href=\"/x\">", "</a>", "<table><tr><td>", "</td></tr></table>",
        "<br>", "<!--", "-->", "<script>", "</script>", "<style>", "</style>", "<textarea>", "<noscript>", "<iframe>", "<plaintext>",
        "<li>", "<h1>", "</h1>", "<nav>", "<footer>", "<p class=\"comment\">", "<time datetime=\"2021-13-45\">", "<meta charset=\"x-bogus\">",
        "<meta property=\"article:published_time\" content=\"not a date\">", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":",
        "&amp;", "&#0;", "&#x110000;", "&#99999999;", "&nbsp;", "&bogus;", "<![CDATA[", "]]>", "<?xml?>", "<!DOCTYPE html>", "<svg><foreignObject>",
        "<template>", "<select><option>", "<math><mi>", "\0", "\uFFFF", "\uFEFF", "\u200B", "\u00AD", "\r", "\n", "\n\n", "\t", " ", "<", ">", "\"", "'", "=",
        "The council said on Tuesday that the plan would be reviewed before the end of the year. ", "word ", "Officials declined to comment.",
    ];

    private static readonly Gen<string> Markup = Gen.Int[0, Pieces.Length - 1].Array[0, 600].Select(picks => string.Concat(picks.Select(i => Pieces[i])));

    private static void AssertWellFormed(RawInput input)
    {
        var watch = Stopwatch.StartNew();
        var article = Extractor.Extract(input);
        Assert.True(watch.Elapsed < PerInput, $"extraction took {watch.Elapsed}");
        Assert.True(article.Body.Length <= ExtractionOptions.Default.MaxBodyChars);
        Assert.Equal(article.Body.Trim(), article.Body);
        Assert.DoesNotContain("\n\n\n", article.Body);
        Assert.DoesNotContain(article.Body, c => char.IsControl(c) && c != '\n');
        Assert.All(article.Paragraphs, p => Assert.Equal(p.Trim(), p));
        Assert.DoesNotContain(article.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains("failed", StringComparison.Ordinal));
        if (article.Body.Length == 0) Assert.NotEmpty(article.Diagnostics);
    }

    [Fact]
    public void Random_markup_of_every_kind_gives_a_well_formed_article()
    {
        Gen.Select(Markup, Gen.Enum<RawKind>()).Sample((markup, kind) =>
        {
            var content = kind == RawKind.Json
                ? Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { html = markup, title = markup.Length > 40 ? markup[..40] : markup }))
                : Encoding.UTF8.GetBytes(markup);
            AssertWellFormed(TestInputs.Bytes(content, kind));
        }, iter: 300, threads: 1);
    }

    [Fact]
    public void Random_bytes_give_a_well_formed_article()
    {
        Gen.Select(Gen.Byte.Array[0, 20_000], Gen.Enum<RawKind>()).Sample((bytes, kind) =>
            AssertWellFormed(TestInputs.Bytes(bytes, kind)), iter: 200, threads: 1);
    }

    [Fact]
    public void Random_transport_charsets_and_declarations_never_throw()
    {
        string[] names = ["utf-8", "UTF8", "iso-8859-1", "latin1", "windows-1251", "shift_jis", "utf-16", "utf-32", "x-unknown", "", "\"koi8-r\"", "gb2312;q=1"];
        var labels = Gen.Int[0, names.Length - 1].Select(i => names[i]);
        Gen.Select(labels, labels, Gen.Byte.Array[0, 2_000]).Sample((transport, declared, bytes) =>
        {
            byte[] page = [.. Encoding.ASCII.GetBytes($"<html><head><meta charset=\"{declared}\"></head><body><p>"), .. bytes, .. "</p></body></html>"u8];
            AssertWellFormed(TestInputs.Bytes(page, RawKind.Html, hints: new IngestHints { Charset = transport }));
        }, iter: 300, threads: 1);
    }
}
