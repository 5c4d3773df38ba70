using System.Net;
using System.Text.Json;
using Genre.Core.Tests.TestSupport;
using Genre.Inference;
using Genre.Web.Tests.TestSupport;
using Shouldly;

namespace Genre.Web.Tests.Api;

/// <summary>The web API with the shipped AudioSet default: its windows, tags, music verdict and health, through the real pipeline.</summary>
public sealed class AudioSetPredictTests : IAsyncLifetime
{
    private InMemoryServer _server = null!;

    public static string DefaultModel => Path.Combine(TestPaths.RepositoryRoot, "models", "default");

    public async ValueTask InitializeAsync() => _server = await InMemoryServer.StartAsync(new GenreWebOptions { ModelDirectory = DefaultModel });

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_clip_gets_the_library_s_prediction_with_tags_in_10_s_windows()
    {
        var clip = TestModel.ClipPath("metal.00000");

        using var response = await _server.Client.PostAsync("/predict?tags=4", Uploads.File(File.ReadAllBytes(clip), "m.wav"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        using (var classifier = GenreClassifier.Load(DefaultModel))
        {
            body.ShouldBe(System.Text.Encoding.UTF8.GetString(PredictionJson.Utf8(classifier.Predict(clip, new PredictionOptions { Tags = 4 }), classifier.Genres)));
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        root.GetProperty("window").GetString().ShouldBe("spread");
        root.GetProperty("is_music").GetBoolean().ShouldBeTrue();
        root.GetProperty("tags").GetArrayLength().ShouldBe(4);
        root.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("start").GetDouble()).ShouldBe([0.0, 10.0, 20.0]);
        root.GetProperty("probabilities").EnumerateObject().Sum(p => p.Value.GetDouble()).ShouldBe(1, 1e-4);
    }

    [Fact]
    public async Task Speech_is_answered_as_not_music_without_a_genre()
    {
        using var folder = new TempDirectory();
        var speech = folder.File("speech.wav");
        Speech.Write(speech, "This is not a song. It is a short announcement about the timetable of the trains this evening.");

        using var response = await _server.Client.PostAsync("/predict", Uploads.File(File.ReadAllBytes(speech), "speech.wav"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("is_music").GetBoolean().ShouldBeFalse();
        json.RootElement.GetProperty("genre").ValueKind.ShouldBe(JsonValueKind.Null);
        json.RootElement.GetProperty("other_sound").GetProperty("tag").GetString().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("tags=21", "tags must be between 0 and 20")]
    [InlineData("tags=-1", "tags must be between 0 and 20")]
    [InlineData("window=middle", "window must be first30, full or spread")]
    public async Task Bad_parameters_are_400_with_the_reason(string query, string message)
    {
        using var response = await _server.Client.PostAsync($"/predict?{query}", Uploads.File(TestModel.Clip("pop.00000"), "p.wav"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
    }

    [Fact]
    public async Task Health_names_the_kind()
    {
        using var json = JsonDocument.Parse(await _server.Client.GetStringAsync("/health"));

        json.RootElement.GetProperty("model").GetString().ShouldBe("default");
        json.RootElement.GetProperty("kind").GetString().ShouldBe("audioset");
    }
}
