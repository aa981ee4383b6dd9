namespace Crosscheck.Web.Hosting;

/// <summary>
/// A request the server cannot serve, with the status and a message for the caller; turned into
/// RFC 7807 problem details for the API and an error page for the UI (see <see cref="ErrorHandling"/>).
/// </summary>
public sealed class RequestProblem(int status, string title, string detail, IDictionary<string, object?>? extensions = null, string? challenge = null) : Exception(detail)
{
    /// <summary>The WWW-Authenticate value a 401 carries.</summary>
    public string? Challenge { get; } = challenge;

    public int Status { get; } = status;

    public string Title { get; } = title;

    public IDictionary<string, object?>? Extensions { get; } = extensions;

    public static RequestProblem NotFound(string what) => new(StatusCodes.Status404NotFound, "Not found", what);

    public static RequestProblem BadRequest(string detail) => new(StatusCodes.Status400BadRequest, "Bad request", detail);
}
