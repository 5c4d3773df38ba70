using System.IO.Compression;
using System.Text.Json;
using Genre.Cli.Tests.TestSupport;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>
/// The predict-only tool as a user gets it: installed from the packages eng/pack.sh made (eng/test.sh makes them
/// before the tests) into a fresh folder, then run on a real clip. It must classify without a libtorch file on disk.
/// </summary>
public sealed class PredictToolPackageTests : IDisposable
{
    private const long MaxPackageBytes = 60L * 1024 * 1024;

    private static readonly string s_packages = Path.Combine(GenreProcess.RepositoryRoot, "artifacts", "packages");

    private readonly string _root = Directory.CreateTempSubdirectory("genre-tool-").FullName;

    [Fact]
    public void The_predict_only_package_is_Native_AOT_for_linux_x64_within_60_MB_with_no_libtorch_inside()
    {
        var package = PlatformPackage();

        new FileInfo(package).Length.ShouldBeLessThanOrEqualTo(MaxPackageBytes);
        using var zip = ZipFile.OpenRead(package);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        names.ShouldContain(n => n.EndsWith("/genre", StringComparison.Ordinal), "the native executable");
        names.ShouldNotContain(n => n.EndsWith("genre.dll", StringComparison.Ordinal), "an AOT tool has no managed entry assembly");
        names.ShouldNotContain(n => n.Contains("torch", StringComparison.OrdinalIgnoreCase));
        names.ShouldContain(n => n.EndsWith("models/default/weights.safetensors", StringComparison.Ordinal));
        names.ShouldContain("LICENSE");
        names.ShouldContain("THIRD-PARTY-NOTICES.md");
    }

    [Fact]
    public async Task Installed_into_a_fresh_folder_it_classifies_a_real_clip_and_sends_training_to_the_full_tool()
    {
        var genre = await InstallAsync();
        Directory.EnumerateFiles(Path.GetDirectoryName(genre)!, "*", SearchOption.AllDirectories)
            .ShouldNotContain(f => Path.GetFileName(f).Contains("torch", StringComparison.OrdinalIgnoreCase));

        var clip = Path.Combine(GenreProcess.Shared, "data", "gtzan-sample", "genres_original", "jazz", "jazz.00002.wav");
        var predict = await RunAsync(genre, ["predict", clip, "--json"]);

        predict.ExitCode.ShouldBe(0, predict.ToString());
        using var json = JsonDocument.Parse(predict.Output);
        json.RootElement.GetProperty("genre").GetString().ShouldBe("jazz");
        // The same answer as the full tool's JIT build, within float noise (AOT code may vectorise differently).
        var jit = GenreProcess.Run("predict", clip, "--json");
        using var expected = JsonDocument.Parse(jit.Output);
        foreach (var p in expected.RootElement.GetProperty("probabilities").EnumerateObject())
        {
            json.RootElement.GetProperty("probabilities").GetProperty(p.Name).GetDouble().ShouldBe(p.Value.GetDouble(), 1e-4);
        }

        var train = await RunAsync(genre, ["train", "--features", "x.npz"]);
        train.ExitCode.ShouldBe(2);
        train.Error.ShouldContain("dotnet tool install --global Genre.Cli");

        // The full tool's bench measures this AOT build's cold predict beside its own JIT build, in the same run.
        var bench = GenreProcess.Run("bench", "--skip-training", "--aot", genre, "--model", Path.Combine(GenreProcess.RepositoryRoot, "models", "gtzan-cnn"));
        bench.ExitCode.ShouldBe(0, bench.ToString());
        bench.Output.ShouldContain("│ predict 1 file, cold process, JIT ");
        bench.Output.ShouldContain("│ predict 1 file, cold process, Native AOT ");
        bench.Output.ShouldContain("│ peak memory, cold predict, Native AOT ");
        bench.Output.ShouldContain("│ batch, whole process, Native AOT ");
    }

    [Fact]
    public async Task Installed_it_writes_a_manifest_shard_as_Parquet_that_DuckDB_reads_and_a_rerun_finds_done()
    {
        var genre = await InstallAsync();
        var manifest = TrackLibrary.Write(Path.Combine(_root, "library"), tracks: 5, seconds: 4);
        var output = Path.Combine(_root, "parts");
        string[] run = ["predict", "--manifest", manifest, "--out", output, "--shard-index", "0", "--shard-count", "1", "--format", "parquet",
            "--model", Path.Combine(GenreProcess.RepositoryRoot, "models", "gtzan-cnn")];

        // Parquet.Net under Native AOT (trimmed, no JIT): the part must be what an independent engine reads.
        var first = await RunAsync(genre, run);
        var again = await RunAsync(genre, run);

        first.ExitCode.ShouldBe(0, first.ToString());
        var part = Path.Combine(output, "part-00000-of-00001.parquet");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*), count(error), count(genre), min(duration) FROM read_parquet('{part}')";
            using var reader = command.ExecuteReader();
            reader.Read().ShouldBeTrue();
            reader.GetInt64(0).ShouldBe(TrackLibrary.Rows(5));
            reader.GetInt64(1).ShouldBe(3);
            reader.GetInt64(2).ShouldBe(5);
            reader.GetDouble(3).ShouldBe(4.0, 0.01);
        }

        again.ExitCode.ShouldBe(0, again.ToString());
        again.Output.ShouldContain("already done");
    }

    /// <summary>The predict-only tool installed from the local packages into this test's folder; its <c>genre</c>.</summary>
    private async Task<string> InstallAsync()
    {
        PlatformPackage();
        var tools = Path.Combine(_root, "tools");
        var install = await RunAsync("dotnet", ["tool", "install", "Genre.Predict", "--tool-path", tools, "--add-source", s_packages, "--version", "0.1.0"]);
        install.ExitCode.ShouldBe(0, install.ToString());
        return Path.Combine(tools, "genre");
    }

    /// <summary>The Native AOT package for this platform; a clear failure when eng/pack.sh has not made it.</summary>
    private static string PlatformPackage()
    {
        var package = Path.Combine(s_packages, "Genre.Predict.linux-x64.0.1.0.nupkg");
        File.Exists(package).ShouldBeTrue($"{package} is missing: run eng/pack.sh --predict-only (eng/test.sh does) before these tests");
        File.Exists(Path.Combine(s_packages, "Genre.Predict.0.1.0.nupkg")).ShouldBeTrue("the tool's pointer package is missing: run eng/pack.sh --predict-only");
        return package;
    }

    /// <summary>A private tool cache and home: the install must come from the local packages, not from a previous run.</summary>
    private Task<ToolProcess.Result> RunAsync(string program, string[] args) =>
        ToolProcess.RunAsync(program, args, new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(_root, "nuget"), ["DOTNET_CLI_HOME"] = _root },
            TimeSpan.FromMinutes(5), _root);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
