using System.Net;
using System.Text.Json;
using Genre.Core.Tests.TestSupport;
using Genre.Inference;
using Genre.Web.Api;
using Genre.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Genre.Web.Tests.Api;

/// <summary>POST /predict on the in-memory host: every answer, and every error a client can cause.</summary>
public sealed class PredictEndpointTests(TestModel model) : IAsyncLifetime
{
    private InMemoryServer _server = null!;

    private HttpClient Client => _server.Client;

    public async ValueTask InitializeAsync() => _server = await InMemoryServer.StartAsync(Options());

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private GenreWebOptions Options() => new() { ModelDirectory = model.Directory };

    [Fact]
    public async Task A_real_clip_gets_the_library_s_own_prediction_as_the_CLI_s_JSON_without_file()
    {
        var clip = TestModel.Clip("rock.00000");

        using var response = await Client.PostAsync("/predict", Uploads.File(clip, "rock.00000.wav"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldBe(Expected(clip, PredictionWindow.First30));
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        root.TryGetProperty("file", out _).ShouldBeFalse();
        TestModel.Genres.ShouldContain(root.GetProperty("genre").GetString()!);
        root.GetProperty("probabilities").EnumerateObject().Select(p => p.Name).ShouldBe(TestModel.Genres);
        root.GetProperty("probabilities").EnumerateObject().Sum(p => p.Value.GetDouble()).ShouldBe(1, 1e-4);
        root.GetProperty("segments").GetArrayLength().ShouldBe(10);
    }

    [Fact]
    public async Task The_full_window_is_asked_for_with_a_query_parameter()
    {
        var clip = TestModel.Clip("jazz.00000");

        using var response = await Client.PostAsync("/predict?window=full", Uploads.File(clip, "a.wav"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe(Expected(clip, PredictionWindow.Full));
    }

    [Fact]
    public async Task A_path_traversal_file_name_is_never_used_and_nothing_is_written()
    {
        var clip = TestModel.Clip("blues.00000");
        var watched = new[] { Path.GetTempPath(), AppContext.BaseDirectory, Environment.CurrentDirectory, "/etc" };
        var before = watched.Select(Listing).ToArray();

        using var response = await Client.PostAsync("/predict", Uploads.File(clip, "../../etc/passwd.wav"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe(Expected(clip, PredictionWindow.First30));
        watched.Select(Listing).ShouldBe(before);
        File.Exists("/etc/passwd.wav").ShouldBeFalse();
    }

    [Fact]
    public async Task Two_concurrent_uploads_with_the_same_name_each_get_their_own_result()
    {
        var first = TestModel.Clip("classical.00000");
        var second = TestModel.Clip("metal.00000");

        var responses = await Task.WhenAll(
            Client.PostAsync("/predict", Uploads.File(first, "song.wav")),
            Client.PostAsync("/predict", Uploads.File(second, "song.wav")));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.OK);
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        bodies[0].ShouldBe(Expected(first, PredictionWindow.First30));
        bodies[1].ShouldBe(Expected(second, PredictionWindow.First30));
        bodies[0].ShouldNotBe(bodies[1]);
    }

    [Fact]
    public async Task Text_is_415()
    {
        using var response = await Client.PostAsync("/predict", Uploads.File("just some notes\n"u8.ToArray(), "notes.wav"));

        await ShouldBeError(response, HttpStatusCode.UnsupportedMediaType, "not audio");
    }

    [Theory]
    [InlineData(BadInputs.Empty, HttpStatusCode.UnprocessableEntity, "the file is empty")]
    [InlineData(BadInputs.TruncatedHeader, HttpStatusCode.UnprocessableEntity, "cannot decode audio")]
    [InlineData(BadInputs.RandomBytes, HttpStatusCode.UnsupportedMediaType, "not a supported audio file")]
    [InlineData(BadInputs.TextAsMp3, HttpStatusCode.UnsupportedMediaType, "not audio")]
    [InlineData(BadInputs.ZeroLength, HttpStatusCode.UnprocessableEntity, "no audio samples")]
    public async Task Broken_or_short_audio_is_a_4xx_with_the_reason_never_a_500(string file, HttpStatusCode status, string reason)
    {
        using var folder = new TempDirectory();
        BadInputs.WriteAll(folder.Path);

        using var response = await Client.PostAsync("/predict", Uploads.File(File.ReadAllBytes(folder.File(file)), file));

        await ShouldBeError(response, status, reason);
    }

    [Fact]
    public async Task A_wav_header_followed_by_garbage_is_422_with_the_decoder_s_reason()
    {
        var garbage = TestModel.Clip("pop.00000")[..44].Concat(Enumerable.Repeat((byte)0xAB, 10)).ToArray();
        garbage[20] = 0x55; // format tag: no codec
        garbage[21] = 0x55;

        using var response = await Client.PostAsync("/predict", Uploads.File(garbage, "x.wav"));

        await ShouldBeError(response, HttpStatusCode.UnprocessableEntity, "cannot decode audio");
    }

    [Fact]
    public async Task A_missing_file_field_is_400()
    {
        using var response = await Client.PostAsync("/predict", Uploads.File(TestModel.Clip("pop.00000"), "a.wav", field: "song"));

        await ShouldBeError(response, HttpStatusCode.BadRequest, "field 'file'");
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_400()
    {
        using var response = await Client.PostAsync("/predict", new ByteArrayContent(TestModel.Clip("pop.00000")));

        await ShouldBeError(response, HttpStatusCode.BadRequest, "multipart/form-data");
    }

    [Fact]
    public async Task A_malformed_multipart_body_is_400()
    {
        using var content = new StringContent("--b\r\nnot a header line\r\n\r\nxx");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");

        using var response = await Client.PostAsync("/predict", content);

        await ShouldBeError(response, HttpStatusCode.BadRequest, "multipart");
    }

    [Fact]
    public async Task An_unknown_window_is_400()
    {
        using var response = await Client.PostAsync("/predict?window=last10", Uploads.File(TestModel.Clip("pop.00000"), "a.wav"));

        await ShouldBeError(response, HttpStatusCode.BadRequest, "first30, full or spread");
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_413()
    {
        await using var small = await InMemoryServer.StartAsync(Options() with { MaxUploadBytes = 1024 * 1024 });

        using var response = await small.Client.PostAsync("/predict", Uploads.File(TestModel.Clip("pop.00000"), "a.wav"));

        await ShouldBeError(response, HttpStatusCode.RequestEntityTooLarge, "upload limit of 1 MB");
    }

    [Fact]
    public async Task When_every_slot_stays_busy_past_the_queue_timeout_the_answer_is_503_with_Retry_After()
    {
        await using var busy = await InMemoryServer.StartAsync(Options() with { MaxConcurrency = 1, QueueTimeout = TimeSpan.FromMilliseconds(100) });
        using var held = await busy.App.Services.GetRequiredService<ClassificationGate>().EnterAsync(TestContext.Current.CancellationToken);
        held.ShouldNotBeNull();

        using var response = await busy.Client.PostAsync("/predict", Uploads.File(TestModel.Clip("pop.00000"), "a.wav"));

        await ShouldBeError(response, HttpStatusCode.ServiceUnavailable, "busy");
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task A_classification_past_the_time_limit_is_504()
    {
        // A zero limit has passed before decoding starts: deterministic, where a short one would race the decoder.
        await using var slow = await InMemoryServer.StartAsync(Options() with { ClassifyTimeout = TimeSpan.Zero });

        using var response = await slow.Client.PostAsync("/predict?window=full", Uploads.File(TestModel.Clip("pop.00000"), "a.wav"));

        await ShouldBeError(response, HttpStatusCode.GatewayTimeout, "longer than the limit");
    }

    internal static async Task ShouldBeError(HttpResponseMessage response, HttpStatusCode status, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var json = JsonDocument.Parse(body);
        json.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
        json.RootElement.GetProperty("type").GetString().ShouldStartWith("https://tools.ietf.org/html/rfc"); // the framework's link to the status's RFC section
        json.RootElement.GetProperty("title").GetString().ShouldNotBeNullOrEmpty();
        json.RootElement.GetProperty("detail").GetString()!.ShouldContain(reason, Case.Insensitive);
    }

    /// <summary>What the library itself says for these bytes, in the shared JSON shape.</summary>
    private string Expected(byte[] clip, PredictionWindow window)
    {
        var classifier = _server.App.Services.GetRequiredService<GenreClassifier>();
        var prediction = classifier.Predict(clip, "expected", new PredictionOptions { Window = window }, TestContext.Current.CancellationToken);
        return System.Text.Encoding.UTF8.GetString(PredictionJson.Utf8(prediction, classifier.Genres));
    }

    /// <summary>
    /// The entries an upload could have left: its name, the framework's form-buffer files, any wav. Other tests and
    /// the browser write their own temp folders meanwhile, so the whole listing is not compared.
    /// </summary>
    private static string[] Listing(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder)
            .Where(e => s_traces.Any(t => Path.GetFileName(e).Contains(t, StringComparison.OrdinalIgnoreCase)))
            .Select(e => $"{e} {File.GetLastWriteTimeUtc(e):O}")
            .Order(StringComparer.Ordinal)];

    private static readonly string[] s_traces = ["passwd", "ASPNETCORE_", ".wav", "upload"];
}
