using System.Security.Cryptography;
using System.Text;

namespace Crosscheck.Web.Hosting;

/// <summary>
/// Guards the write endpoints: the caller must send the configured token as
/// <c>Authorization: Bearer TOKEN</c>. Checked before the body is read, so a refused request
/// costs nothing and stores nothing.
/// </summary>
public sealed class WriteAccess(WebOptions options) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (options.Token is null)
        {
            throw new RequestProblem(StatusCodes.Status403Forbidden, "Writes disabled",
                "this server is read-only: start it with CROSSCHECK_TOKEN set (or --token-file FILE) to accept articles");
        }
        var header = http.Request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new RequestProblem(StatusCodes.Status401Unauthorized, "Token required", "send the server's write token as 'Authorization: Bearer TOKEN'", challenge: "Bearer");
        }
        if (!Matches(header[scheme.Length..].Trim(), options.Token))
        {
            throw new RequestProblem(StatusCodes.Status401Unauthorized, "Token rejected", "the bearer token does not match the server's write token", challenge: "Bearer error=\"invalid_token\"");
        }
        return next(context);
    }

    /// <summary>Constant-time comparison, so response timing reveals nothing about the token.</summary>
    private static bool Matches(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

/// <summary>Reads a request body into memory, refusing (413) anything over the limit before storing a byte.</summary>
public static class BoundedBody
{
    public static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken cancel)
    {
        if (request.ContentLength > limit) throw TooLarge(request.ContentLength.Value, limit);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancel)) > 0)
        {
            if (buffer.Length + read > limit) throw TooLarge(null, limit);
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static RequestProblem TooLarge(long? size, long limit) => new(StatusCodes.Status413PayloadTooLarge, "Request body too large",
        (size is { } s ? $"the body is {s:N0} bytes" : "the body is") + $" over the {limit:N0}-byte limit; send fewer articles per request");
}
