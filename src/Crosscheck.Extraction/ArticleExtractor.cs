using Crosscheck.Core.Model;
using Crosscheck.Core.Pipeline;
using Crosscheck.Core.Text;
using Crosscheck.Extraction.Decoding;
using Crosscheck.Extraction.Html;
using Crosscheck.Extraction.Json;
using Crosscheck.Extraction.Language;
using Crosscheck.Extraction.Metadata;
using Crosscheck.Extraction.PageTypes;
using Crosscheck.Extraction.PlainText;

namespace Crosscheck.Extraction;

/// <summary>
/// The Extract stage: turns a raw input (HTML page, scraped text or JSON object) into a clean
/// article with metadata. Holds no per-call state, so one instance serves many threads. Odd or
/// hostile content never throws: limits from <see cref="ExtractionOptions"/> bound the work and
/// what went wrong is recorded as diagnostics on the article.
/// </summary>
public sealed class ArticleExtractor : IArticleExtractor
{
    public const string StageName = "extract";

    private readonly ExtractionOptions _options;
    private readonly HtmlContentExtractor _html;
    private readonly PlainTextExtractor _text;

    public ArticleExtractor(ExtractionOptions? options = null)
    {
        _options = options ?? ExtractionOptions.Default;
        _html = new HtmlContentExtractor(_options);
        _text = new PlainTextExtractor(_options);
    }

    public Article Extract(RawInput input) => ExtractPage(input).Article;

    /// <summary>The article and the features its page type was told from (null for inputs that are not HTML pages), for the page-type trainer.</summary>
    internal (Article Article, PageFeatures? Signals) ExtractPage(RawInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var article = new Article { Id = input.Id, Source = input.Source };
        ExtractedContent content;
        try
        {
            content = ExtractContent(input);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Last line of defence: a parser bug on hostile input must cost one article, not the run.
            content = new ExtractedContent();
            content.Note(DiagnosticSeverity.Error, $"extraction failed on this input: {e.GetType().Name}: {e.Message}");
        }

        article.Body = BodyText.Join(content.Paragraphs, _options.MaxBodyChars, out var truncated);
        if (truncated) content.Note(DiagnosticSeverity.Warning, $"body cut at {_options.MaxBodyChars:N0} chars");
        article.Title = content.Title ?? input.Hints.Title;
        article.Byline = content.Byline;
        article.Url = content.Url ?? input.Hints.Url;
        article.Outlet = content.Outlet ?? input.Hints.Outlet ?? HtmlMetadataReader.Domain(article.Url);
        article.Published = content.Published ?? (input.Hints.Published is { } hinted ? new Found<DateTimeOffset>(hinted, "hint") : null);
        if (article.Published is null && content.YearlessDateLine is { } dateLine) article.Published = PinYear(dateLine, input, content);
        if (article.Published is null && input.Hints.Fetched is { } fetched)
        {
            article.Published = new Found<DateTimeOffset>(fetched, "fetched");
            content.Note(DiagnosticSeverity.Info, "no publication date found; using the date the page was fetched, which may be later");
        }
        if (article.Body.Length == 0) content.Note(DiagnosticSeverity.Warning, "article body is empty");
        article.Language = IdentifyLanguage(article.Body, content);
        // Typed once, where the content was chosen by the type (the address there is also the source's, when it is one).
        article.PageType = content.PageType;
        article.Diagnostics.AddRange(content.Diagnostics);
        return (article, content.PageSignals);
    }

    /// <summary>The publication date a year-less date line gives once its weekday pins the year against the fetch (or receipt) date.</summary>
    private static Found<DateTimeOffset>? PinYear(Metadata.TextDate dateLine, RawInput input, ExtractedContent content)
    {
        var reference = input.Hints.Fetched ?? input.ReceivedAt;
        if (Metadata.DateText.PinYearByWeekday(dateLine, reference) is { } pinned)
        {
            content.Note(DiagnosticSeverity.Info, $"date line '{dateLine.Matched}' gives no year; {pinned.Year} is the latest year, up to {reference:yyyy-MM-dd}, in which that date falls on that weekday");
            return new Found<DateTimeOffset>(pinned, "dateline, year from weekday");
        }
        content.Note(DiagnosticSeverity.Info, $"date line '{dateLine.Matched}' gives no year; publication date left unresolved");
        return null;
    }

    private string? IdentifyLanguage(string body, ExtractedContent content)
    {
        try
        {
            return LanguageIdentifier.Identify(body, _options);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            content.Note(DiagnosticSeverity.Warning, $"language identification failed: {e.Message}");
            return null;
        }
    }

    private ExtractedContent ExtractContent(RawInput input)
    {
        var bytes = input.Content.AsSpan();
        var notes = new List<Diagnostic>();
        if (bytes.Length > _options.MaxInputBytes)
        {
            notes.Add(new Diagnostic(StageName, DiagnosticSeverity.Warning, $"input of {bytes.Length:N0} bytes cut to {_options.MaxInputBytes:N0}"));
            bytes = bytes[.._options.MaxInputBytes];
        }
        var decoded = CharsetDecoder.Decode(bytes, sniffDeclaration: input.Kind == RawKind.Html, input.Hints.Charset);
        if (decoded.How is not ("valid utf-8" or "bom") && !(decoded.How == "declared" && decoded.Encoding == "utf-8"))
            notes.Add(new Diagnostic(StageName, DiagnosticSeverity.Info, $"decoded as {decoded.Encoding} ({decoded.How})"));
        if (decoded.LooksBinary)
            notes.Add(new Diagnostic(StageName, DiagnosticSeverity.Warning, "input looks like binary data, not text"));

        var content = input.Kind switch
        {
            RawKind.Html => ExtractHtml(decoded.Text, input.Hints.Url ?? UrlFromSource(input.Source)),
            RawKind.Text => _text.Extract(decoded.Text),
            RawKind.Json => ExtractJson(decoded.Text),
            _ => Unsupported(input.Kind),
        };
        content.Diagnostics.InsertRange(0, notes);
        return content;
    }

    private ExtractedContent ExtractHtml(string html, string? pageUrl)
    {
        var content = _html.Extract(html, pageUrl);
        if (LooksTruncated(html)) content.Note(DiagnosticSeverity.Info, "page ends without </body> or </html>; it may have been cut off in transfer");
        if (_options.UseSmartReaderFallback && content.FallbackAllowed && content.Paragraphs.Sum(p => p.Length) < _options.FallbackBelowChars)
        {
            var fallback = SmartReaderFallback.Extract(html, pageUrl);
            if (fallback.Sum(p => p.Length) > content.Paragraphs.Sum(p => p.Length) && fallback.Count > 0)
            {
                content.Paragraphs.Clear();
                content.Paragraphs.AddRange(fallback);
                content.Note(DiagnosticSeverity.Info, "own extraction found little text; used the SmartReader fallback");
            }
        }
        content.UseLastResortIfEmpty();
        return content;
    }

    private ExtractedContent ExtractJson(string json)
    {
        var fields = JsonArticleInput.Parse(json, out var error);
        if (fields is null)
        {
            var failed = new ExtractedContent();
            failed.Note(DiagnosticSeverity.Error, error ?? "JSON input could not be read");
            return failed;
        }
        ExtractedContent content;
        if (fields.Html is not null)
        {
            content = _html.Extract(fields.Html, fields.Url);
            content.UseLastResortIfEmpty();
        }
        else if (fields.Text is not null) content = ExtractJsonText(fields);
        else
        {
            content = new ExtractedContent();
            content.Note(DiagnosticSeverity.Warning, "JSON input has neither text nor html");
        }
        // Fields given explicitly are more deliberate than what was guessed from the content.
        if (fields.Title is not null) content.Title = BodyText.Collapse(fields.Title);
        if (fields.Url is not null) content.Url = fields.Url;
        if (fields.Outlet is not null) content.Outlet = fields.Outlet;
        if (fields.Published is not null)
        {
            if (DateText.ParseMachine(fields.Published) is { } published) content.Published = new Found<DateTimeOffset>(published, "json");
            else content.Note(DiagnosticSeverity.Info, $"JSON field 'published' ('{Clipped.Start(fields.Published, 41)}') is not a date");
        }
        return content;
    }

    /// <summary>
    /// JSON text usually is the article body already; when a title field is given the text
    /// does not start with the title, so it is prepended for the line classifier and removed again.
    /// </summary>
    private ExtractedContent ExtractJsonText(JsonArticleInput fields)
    {
        var text = fields.Title is null ? fields.Text! : fields.Title + "\n\n" + fields.Text;
        return _text.Extract(text);
    }

    private static ExtractedContent Unsupported(RawKind kind)
    {
        var content = new ExtractedContent();
        content.Note(DiagnosticSeverity.Error, $"input kind {kind} is not supported");
        return content;
    }

    /// <summary>
    /// A whole page that opened &lt;body&gt; or &lt;html&gt; closes it; one that does not was most
    /// likely cut off by a dropped connection or a size limit (fragments never open either).
    /// </summary>
    private static bool LooksTruncated(string html)
    {
        var tail = html.AsSpan(Math.Max(0, html.Length - 4096));
        var opened = html.AsSpan(0, Math.Min(html.Length, 64 * 1024));
        return (opened.Contains("<body", StringComparison.OrdinalIgnoreCase) && !tail.Contains("</body", StringComparison.OrdinalIgnoreCase) && !tail.Contains("</html", StringComparison.OrdinalIgnoreCase))
            || (opened.Contains("<html", StringComparison.OrdinalIgnoreCase) && !tail.Contains("</html", StringComparison.OrdinalIgnoreCase) && !tail.Contains("</body", StringComparison.OrdinalIgnoreCase));
    }

    private static string? UrlFromSource(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? source : null;

}
