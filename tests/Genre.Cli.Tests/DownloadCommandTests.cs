using Genre.Cli.Tests.TestSupport;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary><c>genre download</c> as a user runs it: the real executable against a loopback Kaggle stand-in.</summary>
public class DownloadCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Dest => _temp.Combine("data", "gtzan");

    private Dictionary<string, string?> Environment(KaggleTestServer? server = null, bool token = true, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var config = _temp.Combine("home", ".kaggle");
        if (token)
        {
            Directory.CreateDirectory(config);
            var path = Path.Combine(config, "kaggle.json");
            File.WriteAllText(path, $$"""{"username": "{{KaggleTestServer.Username}}", "key": "{{KaggleTestServer.Key}}"}""");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, mode);
            }
        }

        return new Dictionary<string, string?>
        {
            ["HOME"] = _temp.Combine("home"),
            ["KAGGLE_API_ENDPOINT"] = server?.BaseUrl.ToString() ?? "http://127.0.0.1:9/api/v1",
        };
    }

    private static void ShouldBeOneCleanError(GenreProcess.Result result, string expected)
    {
        result.ExitCode.ShouldBe(1, result.Error);
        var error = result.Error.TrimEnd().Split('\n')[^1];
        error.ShouldStartWith("genre: error: ");
        error.ShouldContain(expected);
        result.Error.ShouldNotContain("   at "); // no stack trace
    }

    [Fact]
    public async Task Downloads_resumes_a_dropped_connection_installs_and_verifies()
    {
        using var server = new KaggleTestServer(GtzanTestArchive.Kaggle) { DropsRemaining = 1 };

        var result = await GenreProcess.RunAsync(Environment(server), "download", "--dest", Dest);

        result.ExitCode.ShouldBe(0, result.Error);
        server.StorageRanges.Count.ShouldBe(2);
        server.StorageRanges.ToArray()[1].ShouldStartWith("bytes=");
        result.Error.ShouldContain("downloading: ");
        result.Output.ShouldContain("│ blues");
        result.Output.ShouldContain("│ total     │     6 │          1 │  0:00:06 │");
        result.Output.ShouldContain($"unreadable: {Path.Combine(Dest, "genres_original", "jazz", "jazz.00054.wav")}: ");
        result.Output.ShouldContain("known corrupt in the Kaggle archive");
        result.Output.ShouldContain($"next: genre extract --data {Dest} --out {Dest}/features.npz");
        File.Exists(Path.Combine(Dest, "features_30_sec.csv")).ShouldBeTrue();
        Directory.GetDirectories(Dest).Select(Path.GetFileName).ShouldBe(["genres_original"]); // no .download, no staging
    }

    [Fact]
    public async Task From_zip_needs_no_credentials_and_keeps_the_zip()
    {
        var zip = _temp.Combine("gtzan.zip");
        await File.WriteAllBytesAsync(zip, GtzanTestArchive.Kaggle, TestContext.Current.CancellationToken);

        var result = await GenreProcess.RunAsync(Environment(token: false), "download", "--dest", Dest, "--from-zip", zip);

        result.ExitCode.ShouldBe(0, result.Error);
        result.Output.ShouldContain("│ total     │     6 │          1 │  0:00:06 │");
        File.Exists(zip).ShouldBeTrue();
    }

    [Fact]
    public async Task An_existing_dataset_needs_force()
    {
        var zip = _temp.Combine("gtzan.zip");
        await File.WriteAllBytesAsync(zip, GtzanTestArchive.Kaggle, TestContext.Current.CancellationToken);
        Directory.CreateDirectory(Path.Combine(Dest, "genres_original", "rock"));

        var refused = await GenreProcess.RunAsync(Environment(), "download", "--dest", Dest, "--from-zip", zip);
        var forced = await GenreProcess.RunAsync(Environment(), "download", "--dest", Dest, "--from-zip", zip, "--force");

        ShouldBeOneCleanError(refused, "pass --force to replace it");
        forced.ExitCode.ShouldBe(0, forced.Error);
        Directory.Exists(Path.Combine(Dest, "genres_original", "rock")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_truncated_zip_is_a_clear_error()
    {
        var zip = _temp.Combine("gtzan.zip");
        await File.WriteAllBytesAsync(zip, GtzanTestArchive.Kaggle[..1000], TestContext.Current.CancellationToken);

        var result = await GenreProcess.RunAsync(Environment(), "download", "--dest", Dest, "--from-zip", zip);

        ShouldBeOneCleanError(result, "truncated or not a zip file");
        Directory.Exists(Dest).ShouldBeFalse();
    }

    [Fact]
    public async Task Missing_credentials_say_where_to_create_them()
    {
        var result = await GenreProcess.RunAsync(Environment(token: false), "download", "--dest", Dest);

        ShouldBeOneCleanError(result, "https://www.kaggle.com/settings -> API -> Create New Token, save the downloaded kaggle.json to ~/.kaggle/kaggle.json");
    }

    [Fact]
    public async Task A_world_readable_token_is_refused_with_the_fix()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix permissions");

        var result = await GenreProcess.RunAsync(
            Environment(mode: UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead), "download", "--dest", Dest);

        ShouldBeOneCleanError(result, "chmod 600 ~/.kaggle/kaggle.json");
    }

    [Fact]
    public async Task A_rejected_key_is_a_clear_error_without_the_key()
    {
        using var server = new KaggleTestServer(GtzanTestArchive.Kaggle);
        var environment = Environment(server);
        environment["KAGGLE_USERNAME"] = KaggleTestServer.Username;
        environment["KAGGLE_KEY"] = "revoked-key";

        var result = await GenreProcess.RunAsync(environment, "download", "--dest", Dest);

        ShouldBeOneCleanError(result, "HTTP 401");
        result.Error.ShouldNotContain("revoked-key");
        result.Error.ShouldContain("https://www.kaggle.com/datasets/andradaolteanu/gtzan-dataset-music-genre-classification");
    }
}
