using System.Net;
using Genre.Core.Tests.TestSupport;
using Genre.Data.Download;
using Shouldly;

namespace Genre.Core.Tests.Download;

/// <summary>The client against a real HTTP server on a loopback port that plays Kaggle's part.</summary>
public class KaggleApiClientTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly KaggleTestServer _server = new(GtzanTestArchive.Kaggle);

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }

    private string Folder => _temp.Combine(".download");

    private string Part => Path.Combine(Folder, KaggleDataset.Gtzan.Name + ".zip.part");

    private KaggleApiClient Client(string key = KaggleTestServer.Key, Uri? baseUrl = null) =>
        new(new KaggleCredentials(KaggleTestServer.Username, key) { Source = "test" }, baseUrl ?? _server.BaseUrl)
        {
            RetryDelay = TimeSpan.FromMilliseconds(10),
            MaxAttempts = 3,
        };

    private Task<string> DownloadAsync(KaggleApiClient client, IProgress<DownloadProgress>? progress = null) =>
        client.DownloadAsync(KaggleDataset.Gtzan, Folder, progress, TestContext.Current.CancellationToken);

    [Fact]
    public async Task Downloads_through_the_redirect_with_basic_auth()
    {
        using var client = Client();
        var reports = new List<DownloadProgress>();

        var zip = await DownloadAsync(client, new SynchronousProgress<DownloadProgress>(reports.Add));

        zip.ShouldBe(Path.Combine(Folder, "gtzan-dataset-music-genre-classification.zip"));
        (await File.ReadAllBytesAsync(zip, TestContext.Current.CancellationToken)).ShouldBe(GtzanTestArchive.Kaggle);
        File.Exists(Part).ShouldBeFalse();
        _server.ApiAuthorizations.ShouldBe([KaggleTestServer.ValidAuthorization]);
        _server.StorageRanges.ShouldBe([""]);
        reports[^1].BytesReceived.ShouldBe(GtzanTestArchive.Kaggle.Length);
        reports[^1].TotalBytes.ShouldBe(GtzanTestArchive.Kaggle.Length);
        reports[^1].Remaining.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task A_connection_dropped_half_way_is_resumed_and_the_dataset_verifies()
    {
        _server.DropsRemaining = 2;
        using var client = Client();

        var zip = await DownloadAsync(client);

        (await File.ReadAllBytesAsync(zip, TestContext.Current.CancellationToken)).ShouldBe(GtzanTestArchive.Kaggle);
        var ranges = _server.StorageRanges.ToArray();
        ranges.Length.ShouldBe(3);
        ranges[0].ShouldBe("");
        ranges[1].ShouldBe($"bytes={GtzanTestArchive.Kaggle.Length / 2}-");
        ranges[2].ShouldStartWith("bytes=");

        var dest = _temp.Combine("gtzan");
        GtzanArchive.Install(zip, dest, force: false);
        var verification = DatasetVerifier.Verify(dest);
        verification.Clips.ShouldBe(GtzanTestArchive.Genres.Length * GtzanTestArchive.ClipsPerGenre);
    }

    [Fact]
    public async Task A_part_left_by_an_earlier_run_is_resumed_with_Range()
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(Part, GtzanTestArchive.Kaggle[..1000], TestContext.Current.CancellationToken);
        using var client = Client();

        var zip = await DownloadAsync(client);

        (await File.ReadAllBytesAsync(zip, TestContext.Current.CancellationToken)).ShouldBe(GtzanTestArchive.Kaggle);
        _server.StorageRanges.ShouldBe(["bytes=1000-"]);
    }

    [Fact]
    public async Task A_server_that_ignores_Range_restarts_the_file_from_the_beginning()
    {
        _server.IgnoreRange = true;
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(Part, new byte[5000], TestContext.Current.CancellationToken);
        using var client = Client();

        var zip = await DownloadAsync(client);

        (await File.ReadAllBytesAsync(zip, TestContext.Current.CancellationToken)).ShouldBe(GtzanTestArchive.Kaggle);
    }

    [Fact]
    public async Task A_part_that_is_already_whole_gets_416_and_is_kept()
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(Part, GtzanTestArchive.Kaggle, TestContext.Current.CancellationToken);
        using var client = Client();

        var zip = await DownloadAsync(client);

        (await File.ReadAllBytesAsync(zip, TestContext.Current.CancellationToken)).ShouldBe(GtzanTestArchive.Kaggle);
        _server.StorageRanges.ShouldBe([$"bytes={GtzanTestArchive.Kaggle.Length}-"]);
    }

    [Fact]
    public async Task A_part_longer_than_the_file_is_downloaded_again()
    {
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(Part, new byte[GtzanTestArchive.Kaggle.Length + 10], TestContext.Current.CancellationToken);
        using var client = Client();

        var zip = await DownloadAsync(client);

        (await File.ReadAllBytesAsync(zip, TestContext.Current.CancellationToken)).ShouldBe(GtzanTestArchive.Kaggle);
    }

    [Fact]
    public async Task A_wrong_key_gets_401_with_what_to_do_and_without_the_key()
    {
        using var client = Client(key: "wrong-key");

        var error = await Should.ThrowAsync<DownloadException>(() => DownloadAsync(client));

        error.StatusCode.ShouldBe(401);
        error.Url.ShouldBe(new Uri(_server.BaseUrl + "/datasets/download/andradaolteanu/gtzan-dataset-music-genre-classification"));
        error.Message.ShouldContain("https://www.kaggle.com/settings -> API -> Create New Token");
        error.Message.ShouldContain("https://www.kaggle.com/datasets/andradaolteanu/gtzan-dataset-music-genre-classification");
        error.Message.ShouldNotContain("wrong-key");
        _server.StorageRanges.ShouldBeEmpty();
    }

    [Fact]
    public async Task Terms_not_accepted_get_403_with_the_dataset_page()
    {
        _server.ApiStatus = HttpStatusCode.Forbidden;
        using var client = Client();

        var error = await Should.ThrowAsync<DownloadException>(() => DownloadAsync(client));

        error.StatusCode.ShouldBe(403);
        error.Message.ShouldContain("terms");
        error.Message.ShouldContain("https://www.kaggle.com/datasets/andradaolteanu/gtzan-dataset-music-genre-classification");
    }

    [Fact]
    public async Task A_missing_dataset_gets_404_and_points_at_the_endpoint_override()
    {
        _server.ApiStatus = HttpStatusCode.NotFound;
        using var client = Client();

        var error = await Should.ThrowAsync<DownloadException>(() => DownloadAsync(client));

        error.StatusCode.ShouldBe(404);
        error.Message.ShouldContain("KAGGLE_API_ENDPOINT");
    }

    [Fact]
    public async Task Server_errors_are_retried_then_reported()
    {
        _server.ApiStatus = HttpStatusCode.ServiceUnavailable;
        using var client = Client();

        var error = await Should.ThrowAsync<DownloadException>(() => DownloadAsync(client));

        error.StatusCode.ShouldBe(503);
        error.Message.ShouldContain("after 3 attempts");
        _server.ApiAuthorizations.Count.ShouldBe(3);
    }

    [Fact]
    public async Task A_network_failure_after_the_retries_says_how_to_continue()
    {
        var closedPort = _server.Port;
        _server.Dispose();
        using var client = Client(baseUrl: new Uri($"http://127.0.0.1:{closedPort}/api/v1"));

        var error = await Should.ThrowAsync<DownloadException>(() => DownloadAsync(client));

        error.StatusCode.ShouldBeNull();
        error.Message.ShouldContain("after 3 attempts");
        error.Message.ShouldContain("--from-zip");
    }

    [Fact]
    public async Task A_complete_zip_from_an_earlier_run_is_not_downloaded_again()
    {
        Directory.CreateDirectory(Folder);
        var zip = Path.Combine(Folder, KaggleDataset.Gtzan.Name + ".zip");
        await File.WriteAllBytesAsync(zip, [1, 2, 3], TestContext.Current.CancellationToken);
        using var client = Client();

        (await DownloadAsync(client)).ShouldBe(zip);
        _server.ApiAuthorizations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(null, "https://www.kaggle.com/api/v1")]
    [InlineData("", "https://www.kaggle.com/api/v1")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/api/v1")]
    [InlineData("http://127.0.0.1:8080/api/v1/", "http://127.0.0.1:8080/api/v1")]
    public void KAGGLE_API_ENDPOINT_overrides_the_base_url(string? value, string expected) =>
        KaggleApiClient.ResolveBaseUrl(name => name == "KAGGLE_API_ENDPOINT" ? value : null).ShouldBe(new Uri(expected));

    [Fact]
    public void A_KAGGLE_API_ENDPOINT_that_is_not_a_url_is_refused() =>
        Should.Throw<DownloadException>(() => KaggleApiClient.ResolveBaseUrl(_ => "ftp://x")).Message.ShouldContain("KAGGLE_API_ENDPOINT");
}
