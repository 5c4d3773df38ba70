using System.Net;
using System.Text.Json;
using Genre.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Genre.Web.Tests.Page;

/// <summary>The page's files and the OpenAPI document, from the assembly itself.</summary>
public sealed class PageEndpointsTests(TestModel model) : IAsyncLifetime
{
    private InMemoryServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await InMemoryServer.StartAsync(new GenreWebOptions { ModelDirectory = model.Directory });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Theory]
    [InlineData("/", "text/html", "<input id=\"file\"")]
    [InlineData("/app.css", "text/css", ".bar-fill")]
    [InlineData("/app.js", "text/javascript", "/predict")]
    public async Task The_page_is_served_by_the_app_with_a_self_only_content_policy(string path, string type, string content)
    {
        using var response = await _server.Client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(type);
        response.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'self'");
        (await response.Content.ReadAsStringAsync()).ShouldContain(content);
    }

    [Fact]
    public async Task The_page_loads_nothing_from_elsewhere()
    {
        var html = await _server.Client.GetStringAsync("/");
        var css = await _server.Client.GetStringAsync("/app.css");

        foreach (var text in new[] { html, css })
        {
            text.ShouldNotContain("http://");
            text.ShouldNotContain("https://");
            text.ShouldNotContain("@import");
        }
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_exactly_the_API_routes_the_app_maps()
    {
        using var response = await _server.Client.GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        var documented = json.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"));
        var mapped = _server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} /{e.RoutePattern.RawText!.TrimStart('/')}"));
        documented.Order(StringComparer.Ordinal).ShouldBe(mapped.Order(StringComparer.Ordinal));
    }
}
