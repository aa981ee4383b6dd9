using Crosscheck.Storage;
using Crosscheck.Web.Pages;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace Crosscheck.Web.Hosting;

/// <summary>
/// Turns every failure into a response the caller can act on: RFC 7807 problem details under
/// /api, a plain error page elsewhere. Only the problems the caller can fix carry details; an
/// unexpected exception is logged and answered with a generic 500, never a stack trace.
/// </summary>
public sealed class ErrorHandling(RequestDelegate next, ILogger<ErrorHandling> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (RequestProblem problem)
        {
            await Write(context, problem.Status, problem.Title, problem.Message, problem.Extensions, problem.Challenge);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own limits (body size, malformed requests) surface here when the body is read.
            var title = ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request";
            await Write(context, ex.StatusCode, title, ex.Message, null);
        }
        catch (StoreException ex)
        {
            logger.LogError(ex, "store unavailable");
            await Write(context, StatusCodes.Status503ServiceUnavailable, "Store unavailable", ex.Message, null);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            logger.LogError(ex, "unhandled error on {Path}", context.Request.Path);
            await Write(context, StatusCodes.Status500InternalServerError, "Internal error", "the server failed to answer this request; the error is in its log", null);
        }
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi");

    /// <summary>
    /// Errors routing produces without a body (no such endpoint, wrong method, wrong media type),
    /// given the same shape as the others.
    /// </summary>
    public static Task WriteStatus(StatusCodeContext status)
    {
        var context = status.HttpContext;
        var code = context.Response.StatusCode;
        var (title, detail) = code switch
        {
            StatusCodes.Status404NotFound => ("Not found", IsApi(context)
                ? $"no API endpoint {context.Request.Method} {context.Request.Path}; see /openapi/v1.json"
                : $"there is no page at {context.Request.Path}"),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed", $"{context.Request.Method} is not accepted at {context.Request.Path}; see /openapi/v1.json"),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type",
                $"Content-Type '{context.Request.ContentType}' is not accepted; send one article as application/json or a batch as application/x-ndjson"),
            _ => (ReasonPhrases.GetReasonPhrase(code), ReasonPhrases.GetReasonPhrase(code)),
        };
        return Write(context, code, title, detail, null);
    }

    private static async Task Write(HttpContext context, int status, string title, string detail, IDictionary<string, object?>? extensions, string? challenge = null)
    {
        if (context.Response.HasStarted) throw new InvalidOperationException($"cannot report '{detail}': the response has already started");
        context.Response.Clear();
        context.Response.StatusCode = status;
        if (challenge is not null) context.Response.Headers.WWWAuthenticate = challenge;
        if (IsApi(context))
        {
            var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path };
            if (extensions is not null)
            {
                foreach (var (key, value) in extensions) problem.Extensions[key] = value;
            }
            var writer = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            await writer.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
        }
        else
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Layout.Page(title, null, html => html.Tag("h1", title).Tag("p", detail)));
        }
    }
}

/// <summary>
/// Headers on every response. The Content-Security-Policy allows nothing but this server's own
/// stylesheet: no script at all, no inline style, no frames, no remote resources; so even markup
/// that slipped past escaping could not run. Server-Timing reports the server's own time.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Policy =
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            headers["Server-Timing"] = string.Join(", ", ServerTiming.Phases(context).Prepend(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"app;dur={elapsed:0.0}")));
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>
/// Parts of a request's time an endpoint reports after the whole (<c>app</c>) in its Server-Timing header, e.g. the
/// phases of an ingest: where a slow write spent its time, seen from any client.
/// </summary>
public static class ServerTiming
{
    private static readonly object Key = new();

    /// <summary>Appended to a part's name for the CPU time (rather than the wall time) of the thread that ran it.</summary>
    public const string CpuSuffix = "-cpu";

    /// <summary>Adds a part (a token name: letters, digits, '-', '_') with its duration.</summary>
    public static void Add(HttpContext context, string name, TimeSpan duration)
    {
        if (context.Items[Key] is not List<string> phases) context.Items[Key] = phases = [];
        phases.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{name};dur={duration.TotalMilliseconds:0.0}"));
    }

    public static IEnumerable<string> Phases(HttpContext context) => context.Items[Key] as List<string> ?? [];
}
