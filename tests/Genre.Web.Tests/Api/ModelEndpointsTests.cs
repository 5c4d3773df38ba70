using System.Net;
using System.Text.Json;
using Genre.Web.Tests.TestSupport;
using Shouldly;

namespace Genre.Web.Tests.Api;

public sealed class ModelEndpointsTests(TestModel model) : IAsyncLifetime
{
    private InMemoryServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await InMemoryServer.StartAsync(new GenreWebOptions { ModelDirectory = model.Directory });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Health_tells_the_model_folder_s_name_and_its_genre_count()
    {
        using var json = await GetJson("/health");

        json.RootElement.GetProperty("status").GetString().ShouldBe("ok");
        json.RootElement.GetProperty("model").GetString().ShouldBe(Path.GetFileName(model.Directory));
        json.RootElement.GetProperty("genres").GetInt32().ShouldBe(10);
        json.RootElement.GetProperty("decoders").EnumerateObject().Select(d => (d.Name, d.Value.GetBoolean()))
            .ShouldBe([("libsndfile", true), ("libsoxr", true), ("ffmpeg", true)]);
    }

    [Fact]
    public async Task Genres_lists_the_model_s_genres_in_output_order()
    {
        using var json = await GetJson("/genres");

        json.RootElement.GetProperty("genres").EnumerateArray().Select(g => g.GetString()).ShouldBe(TestModel.Genres);
    }

    [Fact]
    public async Task A_model_folder_that_cannot_load_fails_the_build_not_the_first_request()
    {
        using var empty = new Core.Tests.TestSupport.TempDirectory();

        Should.Throw<ModelFileException>(() => GenreWebApp.Build(new GenreWebOptions { ModelDirectory = empty.Path }));
    }

    private async Task<JsonDocument> GetJson(string path)
    {
        using var response = await _server.Client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
