using Crosscheck.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Crosscheck.Cli.Commands;

/// <summary>Starts the metrics listener of <c>--metrics-port</c> for commands without a web server (worker, watch).</summary>
public static class Metrics
{
    /// <summary>The running listener, or null when no port was given; the caller disposes it when done.</summary>
    public static async Task<WebApplication?> StartAsync(int? port, string command)
    {
        if (port is not { } number) return null;
        if (number is < 1 or > 65535) throw new UserError($"--metrics-port must be a port number from 1 to 65535, not {number}");
        try
        {
            var listener = await MetricsEndpoint.StartListenerAsync(number, command);
            Console.WriteLine($"metrics at {MetricsEndpoint.ListenerUrl(number)}{MetricsEndpoint.Path}");
            return listener;
        }
        catch (WebConfigurationException ex)
        {
            throw new UserError(ex.Message);
        }
    }
}
