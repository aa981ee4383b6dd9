using System.Text.Json;
using Crosscheck.Web.Api;
using Crosscheck.Web.Pages;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Crosscheck.Web.Hosting;

/// <summary>
/// Assembles the server: services, middleware, the API and the pages. <see cref="Build"/> makes
/// the Kestrel host for `crosscheck serve`; tests plug <see cref="AddCrosscheckWeb"/> and
/// <see cref="UseCrosscheckWeb"/> into their own host, so both run the same pipeline.
/// </summary>
public static class WebServer
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static WebApplication Build(WebOptions options, CrosscheckBackend backend, IReadOnlyList<string> urls, bool readOnly = false)
    {
        StartupChecks.RequireTokenOffLoopback(urls, options.Token, readOnly);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls([.. urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Kestrel refuses bigger bodies itself; the API's own check gives the nicer message first.
            kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        // The serve command prints its own one-line banner; the log is for warnings and errors.
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCrosscheckWeb(options, backend);
        var app = builder.Build();
        app.UseCrosscheckWeb();
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<DossierWarmer>().WarmFirstPage());
        return app;
    }

    public static IServiceCollection AddCrosscheckWeb(this IServiceCollection services, WebOptions options, CrosscheckBackend backend)
    {
        services.AddSingleton(options);
        if (options.Metrics) services.AddCrosscheckMetrics("serve");
        services.AddSingleton(backend);
        services.AddSingleton<DossierCache>();
        services.AddSingleton<DossierWarmer>();
        services.AddSingleton<IngestGate>();
        services.AddSingleton<IngestWriter>();
        services.AddScoped<StoreSession>();
        services.AddRouting();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxBodyBytes);
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Crosscheck API";
            document.Info.Description = "Stories, dossiers, articles with annotation layers, entities and search over a Crosscheck store. Errors are RFC 7807 problem details.";
            return Task.CompletedTask;
        }));
        return services;
    }

    public static IApplicationBuilder UseCrosscheckWeb(this IApplicationBuilder app)
    {
        var metrics = app.ApplicationServices.GetRequiredService<WebOptions>().Metrics;
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<ErrorHandling>();
        app.UseMiddleware<HostCheck>();
        app.UseStatusCodePages(ErrorHandling.WriteStatus);
        app.UseRouting();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapOpenApi();
            if (metrics) MetricsEndpoint.Map(endpoints);
            ApiEndpoints.Map(endpoints);
            PageEndpoints.Map(endpoints);
        });
        return app;
    }
}
