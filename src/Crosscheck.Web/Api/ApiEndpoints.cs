using System.Globalization;
using Crosscheck.Core.Model;
using Crosscheck.Core.Telemetry;
using Crosscheck.Ingest.Inputs;
using Crosscheck.Reports;
using Crosscheck.Web.Hosting;

namespace Crosscheck.Web.Api;

/// <summary>The JSON API. Every error is an RFC 7807 problem (see <see cref="ErrorHandling"/>).</summary>
public static class ApiEndpoints
{
    private const string Json = "application/json";

    /// <summary>Media types read as a JSONL batch; application/json is one article.</summary>
    private static readonly string[] BatchTypes = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines", "application/jsonlines"];

    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("api");

        api.MapPost("/articles", PostArticles)
            .AddEndpointFilter<WriteAccess>()
            .Accepts<byte[]>(Json, BatchTypes)
            .Produces<IngestResult>(StatusCodes.Status201Created)
            .Produces<IngestResult>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Ingest one article (application/json) or a batch (application/x-ndjson, one JSON article per line)")
            .WithDescription("Each article is {\"url\", \"title\", \"text\" or \"html\", \"published\", \"outlet\"}, as in `crosscheck ingest` JSONL. " +
                "Needs 'Authorization: Bearer TOKEN'. A request with any bad record is refused whole: nothing is stored.");

        api.MapGet("/stories", (string? q, string? from, string? to, string? page, string? size, StoreSession session, WebOptions options) =>
            {
                var found = StoryListing.Find(session, StoryFilter.Parse(q, from, to, page, size, options));
                return new StoryList(found.Total, found.Filter.Page, found.Filter.PageSize, found.Pages, [.. found.Stories.Select(ToItem)], Iso(found.LastChange));
            })
            .Produces<StoryList>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Stories, largest first; q filters by text (title or article text), from/to (YYYY-MM-DD) by date, page/size page them; last_change is when the newest article came in");

        api.MapGet("/stories/{id}", (string id, StoreSession session) =>
                Results.Text(DossierJson.ToJson(session.Dossier(StoryListing.Require(session, id))), Json, System.Text.Encoding.UTF8))
            .Produces(StatusCodes.Status200OK, contentType: Json).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A story's dossier, exactly as `crosscheck dossier STORY --json` (id or unique prefix)");

        api.MapGet("/articles/{id}", (string id, StoreSession session) =>
            {
                var document = StoryListing.RequireArticle(session, id);
                return Results.Bytes(ArticleJson.Write(document, StoryListing.OfArticle(session, document.Id)), Json);
            })
            .Produces(StatusCodes.Status200OK, contentType: Json).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An article with its annotation layers (sentences, tokens, mentions, quantities, time expressions, quotes, citations)");

        api.MapGet("/entities/{id}", (string id, string? story, StoreSession session, WebOptions options, DossierWarmer warmer) =>
            {
                var found = StoryListing.FindEntity(session, id, story, options, warmer);
                var entity = found[0].Entity;
                return new EntityResult(entity.Id, entity.Name, ReportText.Type(entity.Type), entity.Mentions, entity.Variants, entity.VariantCounts,
                    entity.Articles, [.. entity.PossibleMatches.Select(m => new EntityMatch(m.EntityId, m.Confidence, m.Reason))],
                    [.. found.Select(f => new StoryRef(f.Dossier.Story.Id, f.Dossier.Story.Title))]);
            })
            .Produces<EntityResult>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("An entity of a story's dossier (pass ?story=ID; without it the largest stories are searched)");

        api.MapGet("/search", (string? q, string? limit, StoreSession session, WebOptions options) =>
            {
                if (string.IsNullOrWhiteSpace(q)) throw RequestProblem.BadRequest("q is missing: /api/search?q=WORDS");
                var count = Limit(limit, options.MaxSearchResults);
                var stories = session.Store.GetStories();
                return session.Store.Search(q, count).Select(hit => new SearchResult(hit.ArticleId, hit.Title, hit.Snippet, hit.Score,
                    stories.FirstOrDefault(s => s.ArticleIds.Contains(hit.ArticleId, StringComparer.Ordinal))?.Id)).ToList();
            })
            .Produces<List<SearchResult>>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("Full-text search over article titles and bodies (SQLite FTS5), best first; matches are between « and » in the snippet");

    }

    private static async Task<IResult> PostArticles(HttpContext http, WebOptions options, IngestWriter writer, IngestGate gate, DossierWarmer warmer)
    {
        var mediaType = http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var batch = mediaType is not null && BatchTypes.Contains(mediaType);
        if (mediaType != Json && !batch)
        {
            throw new RequestProblem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Content-Type '{http.Request.ContentType}' is not accepted; send one article as application/json or a batch as application/x-ndjson");
        }
        var hints = new IngestHints { Outlet = NullIfEmpty(http.Request.Query["outlet"]), Published = ParsePublished(http.Request.Query["published"]) };
        var body = await BoundedBody.ReadAsync(http.Request, options.MaxBodyBytes, http.RequestAborted);

        // Ingest is CPU-bound and writes the store; one at a time keeps story assignment simple and
        // bounds the work a burst of posts can start.
        await gate.WaitAsync(http.RequestAborted);
        try
        {
            return await Task.Run(() =>
            {
                var ingest = writer.Ingest;
                var items = ingest.Reader.ReadPosted("POST /api/articles", body, batch, hints).ToList();
                var bad = items.OfType<BadInput>().ToList();
                if (bad.Count > 0)
                {
                    CrosscheckMetrics.ArticlesFailed.Add(bad.Count);
                    // All or nothing: a client fixing one line should resend the batch, not work out which half was kept.
                    throw new RequestProblem(StatusCodes.Status400BadRequest, "Invalid article",
                        $"{bad[0].Source}: {bad[0].Problem}" + (bad.Count > 1 ? $" (and {bad.Count - 1} more bad record(s)); nothing was stored" : "; nothing was stored"),
                        new Dictionary<string, object?> { ["errors"] = bad.Select(b => new BadRecord(b.Source, b.Problem)).ToList() });
                }
                var report = writer.Run(ingest => ingest.Ingest(items));
                foreach (var (phase, time) in report.Timings.Phases) ServerTiming.Add(http, phase, time);
                // The ingest thread's own CPU time per phase (where the system tells): on a busy machine the wall times above
                // stretch with everything else running, these do not.
                foreach (var (phase, time) in report.Timings.ThreadCpu) ServerTiming.Add(http, phase + ServerTiming.CpuSuffix, time);
                var lookup = System.Diagnostics.Stopwatch.GetTimestamp();
                // Each article's story looked up (not every story read: that grows with the store).
                var articles = items.OfType<RawItem>().Select(item => new IngestedArticle(item.Raw.Id, item.Source, writer.Store.StoryIdOfArticle(item.Raw.Id))).ToList();
                ServerTiming.Add(http, "stories", System.Diagnostics.Stopwatch.GetElapsedTime(lookup));
                var result = new IngestResult(report.Added, report.AlreadyStored, report.Stories, articles, report.EmptyArticles);
                if (report.Added > 0) _ = warmer.Warm(articles.Select(a => a.StoryId).OfType<string>());
                return report.Added > 0 ? Results.Created("/api/articles/" + Uri.EscapeDataString(articles[0].Id), result) : Results.Ok(result);
            });
        }
        finally
        {
            gate.Release();
        }
    }

    private static StoryItem ToItem(StorySummary summary)
    {
        var story = summary.Story;
        return new StoryItem(story.Id, story.Title, Iso(story.FirstSeen), Iso(story.LastSeen), story.ArticleIds.Count, summary.Outlets,
            [.. summary.Articles.Select(a => new StoryArticle(a.Id, a.Source, a.Title, ReportText.Outlet(a), ReportText.Published(a)))]);
    }

    private static string? Iso(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static int Limit(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return max;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max) return value;
        throw RequestProblem.BadRequest($"limit={text} is not a whole number from 1 to {max}");
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset? ParsePublished(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)) return date;
        throw RequestProblem.BadRequest($"published={text} is not a date; use ISO 8601 like 2021-09-15");
    }
}

/// <summary>Lets one ingest run at a time (see <see cref="ApiEndpoints"/>).</summary>
public sealed class IngestGate() : SemaphoreSlim(1, 1);
