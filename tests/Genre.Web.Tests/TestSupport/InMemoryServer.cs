using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace Genre.Web.Tests.TestSupport;

/// <summary>The app on ASP.NET Core's in-memory TestServer (from Mvc.Testing's TestHost): real pipeline, no sockets.</summary>
internal sealed class InMemoryServer : IAsyncDisposable
{
    private InMemoryServer(WebApplication app)
    {
        App = app;
        Client = app.GetTestClient();
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<InMemoryServer> StartAsync(GenreWebOptions options)
    {
        var app = GenreWebApp.Build(options, builder => builder.WebHost.UseTestServer());
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new InMemoryServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
