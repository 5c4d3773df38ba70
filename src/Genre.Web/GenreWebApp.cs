using Genre.Audio;
using Genre.Inference;
using Genre.Web.Api;
using Genre.Web.Api.Contracts;
using Genre.Web.Page;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Genre.Web;

/// <summary>
/// The web app of <c>genre serve</c>: the upload page, <c>POST /predict</c>, <c>GET /health</c>, <c>GET /genres</c> and
/// the OpenAPI document generated from those endpoints. A thin host: bind the request, call <see cref="GenreClassifier"/>, map errors to HTTP status.
/// </summary>
public static class GenreWebApp
{
    private const string OpenApiDocumentName = "v1";

    /// <summary>Where the OpenAPI document generated from the endpoints is served (<c>/openapi/v1.json</c>).</summary>
    public const string OpenApiRoute = "/openapi/{documentName}.json";

    /// <summary>
    /// Checks the decoders (a <see cref="DependencyException"/> naming what to install) and loads the model (a
    /// <see cref="ModelFileException"/> if it cannot), then builds the app, not yet started.
    /// <paramref name="configure"/> lets a test swap the server (an in-memory TestServer) before the app is built.
    /// </summary>
    /// <param name="options">The model, the addresses and the limits.</param>
    /// <param name="configure">Changes the builder before the app is built; null for none.</param>
    /// <returns>The app; start it with <c>Run</c> or <c>StartAsync</c>, and dispose it when done.</returns>
    public static WebApplication Build(GenreWebOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxUploadBytes, 1);

        // Checked before anything listens: a missing decoder or a bad model folder fails the start, never the first request.
        Decoders.EnsureAvailable();
        var classifier = GenreClassifier.Load(options.ModelDirectory);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(GenreWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = UploadReader.MaxBodyBytes(options.MaxUploadBytes);
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, WebJsonContext.Default));
        builder.Services.AddOpenApi(OpenApiDocumentName, ApiDocument.Configure);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(classifier);
        builder.Services.AddSingleton(new ClassificationGate(options.MaxConcurrency, options.QueueTimeout));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(classifier.Dispose);
        app.UseMiddleware<JsonErrorMiddleware>();
        PageEndpoints.Map(app);
        PredictEndpoint.Map(app);
        ModelEndpoints.Map(app);
        app.MapOpenApi(OpenApiRoute);
        return app;
    }
}
