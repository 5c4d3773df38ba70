using System.Net;
using System.Text.Json;
using Genre.Core.Tests.TestSupport;
using Genre.Data.Embeddings;
using Genre.Training;
using Genre.Training.Head;
using Genre.Web.Tests.TestSupport;
using Shouldly;

namespace Genre.Web.Tests.Api;

/// <summary>
/// The web app serving a head trained on labels that are not genres (strings, drums, speech): /genres lists them and
/// /predict answers them for files training never saw.
/// </summary>
public sealed class CustomTaxonomyPredictTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private InMemoryServer _server = null!;

    public async ValueTask InitializeAsync()
    {
        CustomTaxonomy.Write(_dir.Path, TestPaths.Shared);
        var baseModel = Path.Combine(TestPaths.RepositoryRoot, "models", "default");
        var embeddings = _dir.File("taxonomy.npz");
        EmbeddingExtractor.Extract(new EmbeddingExtractionRequest(_dir.Combine("train"), embeddings, baseModel), cancellationToken: TestContext.Current.CancellationToken);
        var model = _dir.File("model");
        HeadTrainingJob.Run(new HeadTrainingRequest(embeddings, model, SplitKind.Track, new HeadTrainingOptions { Seed = 1, Threads = 1 }, baseModel),
            cancellationToken: TestContext.Current.CancellationToken);
        _server = await InMemoryServer.StartAsync(new GenreWebOptions { ModelDirectory = model });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task Genres_are_the_user_s_labels_and_held_out_files_get_theirs()
    {
        using (var genres = JsonDocument.Parse(await _server.Client.GetStringAsync("/genres", TestContext.Current.CancellationToken)))
        {
            genres.RootElement.GetProperty("genres").EnumerateArray().Select(g => g.GetString()).ShouldBe(CustomTaxonomy.Labels);
        }

        foreach (var label in CustomTaxonomy.Labels)
        {
            foreach (var file in Directory.GetFiles(_dir.Combine("held-out", label)))
            {
                using var response = await _server.Client.PostAsync("/predict", Uploads.File(File.ReadAllBytes(file), Path.GetFileName(file)),
                    TestContext.Current.CancellationToken);

                response.StatusCode.ShouldBe(HttpStatusCode.OK);
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                using var json = JsonDocument.Parse(body);
                json.RootElement.GetProperty("genre").GetString().ShouldBe(label, body);
                json.RootElement.GetProperty("probabilities").EnumerateObject().Count().ShouldBe(3);
            }
        }
    }
}
