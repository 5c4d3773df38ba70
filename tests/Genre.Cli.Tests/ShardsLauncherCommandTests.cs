using Genre.Cli.Tests.TestSupport;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>
/// <c>genre shards slurm</c> and <c>genre shards k8s</c> as a user runs them: what the host adds to the library's
/// generators (absolute paths, this very genre as the default executable, the log folder, the warning, the errors).
/// </summary>
public sealed class ShardsLauncherCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_slurm_script_runs_this_same_genre_on_absolute_paths_and_its_log_folder_exists()
    {
        var output = _dir.Combine("parts");

        var result = GenreProcess.Run("shards", "slurm", "--manifest", "examples/tracks.csv", "--out", output, "--shard-count", "6");

        result.ExitCode.ShouldBe(0, result.ToString());
        var genre = Path.Combine(AppContext.BaseDirectory, "genre.dll");
        result.Output.ShouldContain($" {genre} predict --manifest {Path.Combine(GenreProcess.RepositoryRoot, "examples", "tracks.csv")} --out {output} --shard-count 6 --format parquet\n");
        result.Output.ShouldContain("#SBATCH --array=0-5\n");
        Directory.Exists(Path.Combine(output, "logs")).ShouldBeTrue("Slurm opens each task's log before the script runs");
        result.Error.ShouldBeEmpty();
    }

    [Fact]
    public void More_shards_than_slurms_default_max_array_size_is_a_warning_on_stderr_and_still_a_script()
    {
        var script = _dir.File("shards.sh");

        var result = GenreProcess.Run("shards", "slurm", "--manifest", "/data/tracks.csv", "--out", _dir.Combine("parts"), "--shard-count", "2000",
            "--genre", "/opt/genre/genre", "--to", script);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldStartWith("genre: warning: 2000 shards need array indices up to 1999, past Slurm's default MaxArraySize of 1001");
        result.Output.ShouldBe($"wrote {script}: submit it with sbatch {script}\n");
        File.ReadAllText(script).ShouldContain("#SBATCH --array=0-1999\n");
    }

    [Fact]
    public void The_kubernetes_job_keeps_the_containers_paths_as_given()
    {
        var result = GenreProcess.Run("shards", "k8s", "--manifest", "tracks.csv", "--out", "parts", "--shard-count", "3", "--image", "genre:0.1.0");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("            - \"--manifest\"\n            - \"tracks.csv\"\n            - \"--out\"\n            - \"parts\"\n");
        result.Output.ShouldContain("  completions: 3\n");
    }

    [Theory]
    [InlineData("slurm", "--mem", "lots", "genre: error: --mem lots: give a number with an optional K, M, G or T, such as 2G or 1500M\n")]
    [InlineData("k8s", "--name", "Genre Shards", "genre: error: --name Genre Shards: a Job name is at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit\n")]
    public void A_setting_the_scheduler_would_reject_is_one_line_naming_it_and_exit_1(string launcher, string option, string value, string message)
    {
        string[] image = launcher == "k8s" ? ["--image", "genre:0.1.0"] : [];

        var result = GenreProcess.Run(["shards", launcher, "--manifest", "/data/tracks.csv", "--out", _dir.Combine("parts"), "--shard-count", "2", .. image, option, value]);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldBe(message);
        result.Output.ShouldBeEmpty();
    }
}
