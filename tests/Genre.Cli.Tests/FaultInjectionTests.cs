using System.Diagnostics;
using Genre.Cli.Tests.TestSupport;
using Genre.Core.Tests.TestSupport;
using Genre.Data;
using Genre.Inference;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>
/// Faults from outside: the process killed (SIGKILL) at several points of its work, and a full disk. Whatever happens,
/// no partial file ever has the final name, and running the command again succeeds.
/// </summary>
public sealed class FaultInjectionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Sample => Path.Combine(GenreProcess.Shared, "data", "gtzan-sample");

    [Theory]
    [InlineData(250)]
    [InlineData(1_000)]
    [InlineData(2_500)]
    public async Task Extract_killed_after_n_ms_leaves_no_partial_npz_and_a_rerun_succeeds(int afterMilliseconds)
    {
        var output = _dir.File("features.npz");

        await KillAfterAsync(afterMilliseconds, "extract", "--data", Sample, "--out", output);

        if (File.Exists(output))
        {
            FeatureSet.Load(output).Count.ShouldBe(1029, "a file under the final name is always a whole one");
        }

        var rerun = GenreProcess.Run("extract", "--data", Sample, "--out", output);
        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        FeatureSet.Load(output).Count.ShouldBe(1029);
    }

    [Theory]
    [InlineData(1_500)]
    [InlineData(4_000)]
    public async Task Train_killed_after_n_ms_leaves_no_partial_model_and_a_rerun_succeeds(int afterMilliseconds)
    {
        var features = _dir.File("f.npz");
        GenreProcess.Run("extract", "--data", Sample, "--out", features).ExitCode.ShouldBe(0);
        var model = _dir.File("model");

        await KillAfterAsync(afterMilliseconds, "train", "--features", features, "--out", model, "--epochs", "2", "--threads", "1");

        if (Directory.Exists(model))
        {
            using var classifier = GenreClassifier.Load(model);
            classifier.Genres.Count.ShouldBe(10, "a folder under the final name is always a whole model");
        }

        var rerun = GenreProcess.Run("train", "--features", features, "--out", model, "--epochs", "2", "--threads", "1");
        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        using (GenreClassifier.Load(model))
        {
        }
    }

    [Fact]
    public void A_full_disk_is_one_line_naming_the_file_exit_1_and_no_partial_file()
    {
        var full = Directory.CreateDirectory(_dir.Combine("full")).FullName;
        using (var mount = Process.Start("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", full]))
        {
            mount.WaitForExit();
            Assert.SkipWhen(mount.ExitCode != 0, "cannot mount a small tmpfs here (not root)");
        }

        try
        {
            var output = Path.Combine(full, "features.npz");

            var result = GenreProcess.Run("extract", "--data", Sample, "--out", output);

            result.ExitCode.ShouldBe(1, result.ToString());
            result.Error.ShouldContain($"genre: error: {output}: ");
            result.Error.ShouldContain("No space left on device");
            result.Error.ShouldNotContain("   at ");
            Directory.GetFileSystemEntries(full).ShouldBeEmpty("neither the file nor its temporary may remain");
        }
        finally
        {
            using var unmount = Process.Start("umount", [full]);
            unmount.WaitForExit();
        }
    }

    /// <summary>Starts the command, lets it work for the given time, then SIGKILLs it: the fault injected is the timing.</summary>
    private static async Task KillAfterAsync(int milliseconds, params string[] args)
    {
        using var process = GenreProcess.Start(args);
        var exited = process.WaitForExitAsync(TestContext.Current.CancellationToken);
        if (await Task.WhenAny(exited, Task.Delay(milliseconds, TestContext.Current.CancellationToken)) != exited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }
}
