namespace Crosscheck.Web.Hosting;

/// <summary>
/// Refuses requests whose Host header names a host the server does not serve (see
/// <see cref="WebOptions.AllowedHosts"/>) with 421 Misdirected Request, before anything is read
/// from the store. This is what makes DNS rebinding useless: the browser still sends the attacker's
/// name, which is not on the list.
/// </summary>
public sealed class HostCheck(RequestDelegate next, WebOptions options)
{
    private readonly HashSet<string> _allowed = new(options.AllowedHosts.Select(Normalize), StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        if (_allowed.Contains("*")) return next(context);
        var host = context.Request.Host.Host;
        if (!_allowed.Contains(Normalize(host)))
        {
            throw new RequestProblem(StatusCodes.Status421MisdirectedRequest, "Host not served",
                $"this server does not answer to the host name '{Shown(host)}'; it answers to {string.Join(", ", options.AllowedHosts)} " +
                "(whoever runs it can add a name with `crosscheck serve --host NAME`)");
        }
        return next(context);
    }

    /// <summary>A Host value for comparison: IPv6 literals with their brackets, no trailing dot.</summary>
    public static string Normalize(string host)
    {
        var name = host.Trim().TrimEnd('.');
        return name.Contains(':', StringComparison.Ordinal) && !name.StartsWith('[') ? "[" + name + "]" : name;
    }

    /// <summary>The caller's Host header in a message: clipped, so a huge header does not make a huge answer.</summary>
    private static string Shown(string host) => host.Length == 0 ? "(none)" : Crosscheck.Core.Text.Clipped.Start(host, 100);
}
