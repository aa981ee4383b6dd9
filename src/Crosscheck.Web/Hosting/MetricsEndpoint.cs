using Crosscheck.Core.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Crosscheck.Web.Hosting;

/// <summary>
/// The Prometheus endpoint (<c>GET /metrics</c>, read-only) over the OpenTelemetry metrics of
/// <see cref="CrosscheckMetrics"/> and ASP.NET Core's request duration (<c>http_server_request_duration_seconds</c>).
/// Off unless asked for: <c>serve --metrics</c> adds it to the server, and <c>worker</c> and <c>watch</c>,
/// which have no web server, start <see cref="StartListenerAsync"/> on <c>--metrics-port</c>.
/// </summary>
public static class MetricsEndpoint
{
    public const string Path = "/metrics";

    /// <summary>The meter of ASP.NET Core's own request metrics (<c>http.server.request.duration</c>).</summary>
    private const string AspNetCoreHostingMeter = "Microsoft.AspNetCore.Hosting";

    /// <param name="services">The host's services.</param>
    /// <param name="command">The command serving them ("serve", "worker", "watch"): the service name the metrics carry (service_name="crosscheck-serve").</param>
    public static IServiceCollection AddCrosscheckMetrics(this IServiceCollection services, string command)
    {
        services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("crosscheck-" + command)).WithMetrics(metrics => metrics
            .AddMeter(CrosscheckMetrics.MeterName, AspNetCoreHostingMeter)
            // Every scrape reads the counters as they are now (the exporter would otherwise serve a cached copy).
            .AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }

    /// <summary>Maps <c>GET /metrics</c> (and HEAD); other methods are 405 like any other read-only endpoint.</summary>
    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(Path)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .ExcludeFromDescription();

    /// <summary>
    /// A listener serving only <c>/metrics</c> on <c>http://127.0.0.1:PORT</c>, for commands without a web
    /// server. This machine only: a Prometheus elsewhere scrapes it through a proxy or an agent on the host.
    /// Requests naming another host are refused as by the web server (DNS rebinding).
    /// </summary>
    public static async Task<WebApplication> StartListenerAsync(int port, string command, CancellationToken cancel = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(ListenerUrl(port));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(new WebOptions { Database = "" });
        builder.Services.AddProblemDetails();
        builder.Services.AddRouting();
        builder.Services.AddCrosscheckMetrics(command);
        var app = builder.Build();
        app.UseMiddleware<ErrorHandling>();
        app.UseMiddleware<HostCheck>();
        app.UseRouting();
        Map(app);
        try
        {
            await app.StartAsync(cancel);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync();
            throw new WebConfigurationException($"cannot serve metrics on {ListenerUrl(port)}: {ex.Message}; choose another --metrics-port");
        }
        return app;
    }

    public static string ListenerUrl(int port) => $"http://127.0.0.1:{port}";
}
