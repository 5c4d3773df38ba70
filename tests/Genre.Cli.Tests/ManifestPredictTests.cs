using System.Diagnostics;
using Genre.Batch;
using Genre.Cli.Tests.TestSupport;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>
/// <c>genre predict --manifest</c> as a scheduler runs it: idempotent reruns, a part of another run refused, exit 65
/// for a bad manifest and 75 for an unwritable folder, and no partial part after SIGKILL or SIGTERM.
/// </summary>
public sealed class ManifestPredictTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Model(string name) => Path.Combine(GenreProcess.RepositoryRoot, "models", name);

    private string Out => _dir.File("out");

    [Fact]
    public void A_rerun_of_a_finished_shard_is_already_done_and_rewrites_nothing_and_another_model_needs_overwrite()
    {
        var manifest = TrackLibrary.Write(_dir.Path, 6, 3);
        string[] args = ["predict", "--manifest", manifest, "--out", Out, "--shard-index", "1", "--shard-count", "2", "--model", Model("gtzan-cnn")];

        var first = GenreProcess.Run(args);
        first.ExitCode.ShouldBe(0, first.ToString());
        var part = Path.Combine(Out, "part-00001-of-00002.parquet");
        first.Output.ShouldContain($"{part}: 5 rows, 2 errors");
        var written = File.GetLastWriteTimeUtc(part);
        var bytes = File.ReadAllBytes(part);

        var rerun = GenreProcess.Run(args);

        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        rerun.Output.ShouldContain($"{part}: already done (5 rows)");
        File.GetLastWriteTimeUtc(part).ShouldBe(written);
        File.ReadAllBytes(part).ShouldBe(bytes);

        string[] otherModel = ["predict", "--manifest", manifest, "--out", Out, "--shard-index", "1", "--shard-count", "2", "--model", Model("default")];
        var refused = GenreProcess.Run(otherModel);
        refused.ExitCode.ShouldBe(65, refused.ToString());
        refused.Error.ShouldContain($"genre: error: {part}: is a part of another run: model sha256");
        refused.Error.ShouldContain("--overwrite");
        File.ReadAllBytes(part).ShouldBe(bytes);

        var replaced = GenreProcess.Run([.. otherModel, "--overwrite"]);
        replaced.ExitCode.ShouldBe(0, replaced.ToString());
        PartReader.ReadMetadata(part, PartFormat.Parquet).ModelSha256.ShouldBe(Genre.Model.ModelFolder.Sha256(Model("default")));
    }

    [Fact]
    public void A_malformed_manifest_line_is_exit_65_naming_the_line()
    {
        var manifest = _dir.File("tracks.jsonl");
        File.WriteAllText(manifest, "{\"path\": \"a.wav\"}\n{\"path\": \"b.wav\"}\n{\"path\": \"c.wav\",\n");

        var result = GenreProcess.Run("predict", "--manifest", manifest, "--out", Out, "--model", Model("gtzan-cnn"));

        result.ExitCode.ShouldBe(65, result.ToString());
        result.Error.ShouldStartWith($"genre: error: {manifest}: line 3: not a JSON object");
        result.Error.ShouldNotContain("   at ");
        Directory.Exists(Out).ShouldBeFalse();
    }

    [Fact]
    public void A_csv_manifest_without_a_path_column_is_exit_65()
    {
        var manifest = _dir.File("tracks.csv");
        File.WriteAllText(manifest, "id,file\n1,a.wav\n");

        var result = GenreProcess.Run("predict", "--manifest", manifest, "--out", Out);

        result.ExitCode.ShouldBe(65, result.ToString());
        result.Error.ShouldContain("line 1: the header has no 'path' column");
    }

    [Fact]
    public async Task A_Slurm_index_outside_the_count_is_exit_2_saying_shards_count_from_0()
    {
        var manifest = TrackLibrary.Write(_dir.Path, 1, 3);

        var result = await GenreProcess.RunAsync(new Dictionary<string, string?> { ["SLURM_ARRAY_TASK_ID"] = "4" },
            "predict", "--manifest", manifest, "--out", Out, "--shard-count", "4", "--model", Model("gtzan-cnn"));

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Error.ShouldContain("SLURM_ARRAY_TASK_ID (= --shard-index) is 4, outside shards 0 to 3");
        Directory.Exists(Out).ShouldBeFalse();
    }

    [Fact]
    public void An_output_folder_that_cannot_be_made_is_exit_75_naming_it()
    {
        var manifest = TrackLibrary.Write(_dir.Path, 1, 3);
        var file = _dir.File("a-file");
        File.WriteAllText(file, "not a folder");
        var output = Path.Combine(file, "sub");

        var result = GenreProcess.Run("predict", "--manifest", manifest, "--out", output, "--model", Model("gtzan-cnn"));

        result.ExitCode.ShouldBe(75, result.ToString());
        result.Error.ShouldStartWith($"genre: error: {output}: cannot write");
    }

    [Fact]
    public void A_full_disk_is_exit_75_and_leaves_no_part_nor_temporary_file()
    {
        var full = Directory.CreateDirectory(_dir.Combine("full")).FullName;
        using (var mount = Process.Start("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", full]))
        {
            mount.WaitForExit();
            Assert.SkipWhen(mount.ExitCode != 0, "cannot mount a small tmpfs here (not root)");
        }

        try
        {
            var manifest = TrackLibrary.Write(_dir.Path, 40, 1);

            var result = GenreProcess.Run("predict", "--manifest", manifest, "--out", full, "--format", "jsonl", "--model", Model("gtzan-cnn"));

            result.ExitCode.ShouldBe(75, result.ToString());
            result.Error.ShouldContain("cannot write");
            Directory.GetFiles(full).ShouldBeEmpty();
        }
        finally
        {
            using var unmount = Process.Start("umount", [full]);
            unmount.WaitForExit();
        }
    }

    [Fact]
    public async Task Killed_mid_way_leaves_no_part_status_reports_the_shard_failed_and_a_rerun_completes()
    {
        var manifest = TrackLibrary.Write(_dir.Path, 40, 10);
        string[] args = ["predict", "--manifest", manifest, "--out", Out, "--shard-index", "0", "--shard-count", "2", "--model", Model("default")];
        var part = Path.Combine(Out, "part-00000-of-00002.parquet");

        using (var process = GenreProcess.StartWatched(new Dictionary<string, string?>(), args))
        {
            await GenreProcess.WaitForErrorLineAsync(process, "shard 0 of 2: 1/");
            process.Kill();
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        File.Exists(part).ShouldBeFalse("a killed shard never leaves a part under the final name");
        Directory.GetFiles(Out, ".part-00000-of-00002.parquet.tmp-*").ShouldNotBeEmpty("the killed run's temporary part is left over");
        var status = GenreProcess.Run("shards", "status", "--out", Out, "--shard-count", "2");
        status.ExitCode.ShouldBe(1, status.ToString());
        status.Output.ShouldContain("done:         0 of 2");
        status.Output.ShouldContain("missing:      1 of 2  1");
        status.Output.ShouldContain("failed:       1 of 2  0");
        status.Output.ShouldContain("shard 0: .part-00000-of-00002.parquet.tmp-");
        status.Output.ShouldContain("left over by a process that is gone (killed)");
        status.Output.ShouldContain("resubmit: --array=0-1");

        var rerun = GenreProcess.Run(args);

        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        PartReader.ReadRows(part, PartFormat.Parquet, PartReader.ReadMetadata(part, PartFormat.Parquet).Genres).Count().ShouldBe(TrackLibrary.Rows(40) / 2);
        Directory.GetFiles(Out, ".*").ShouldBeEmpty("the rerun removes what the killed run left");
    }

    [Fact]
    public void A_shard_another_process_is_writing_is_running_in_status_and_not_taken_over_until_it_lets_go()
    {
        var manifest = TrackLibrary.Write(_dir.Path, 4, 3);
        string[] args = ["predict", "--manifest", manifest, "--out", Out, "--model", Model("gtzan-cnn")];
        Directory.CreateDirectory(Out);
        var temporary = Path.Combine(Out, ".part-00000-of-00001.parquet.tmp-99999");
        var part = Path.Combine(Out, "part-00000-of-00001.parquet");

        // Held as PartFile.CreateTemporary holds it in a live writer (FileShare.None: an exclusive flock another
        // process sees); spelled out here because this test assembly sees only the public API.
        using (new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None))
        {
            var status = GenreProcess.Run("shards", "status", "--out", Out, "--shard-count", "1");
            status.ExitCode.ShouldBe(1, status.ToString());
            status.Output.ShouldContain("running:      1 of 1  0");
            status.Output.ShouldContain("shard 0: .part-00000-of-00001.parquet.tmp-99999 being written");
            status.Output.ShouldContain("resubmit: nothing; wait for the running shards");

            var second = GenreProcess.Run(args);
            second.ExitCode.ShouldBe(75, second.ToString());
            second.Error.ShouldContain($"genre: error: {part}: cannot write: another process is writing this shard now (.part-00000-of-00001.parquet.tmp-99999)");
            File.Exists(temporary).ShouldBeTrue("the live writer's file is not taken from it");
            File.Exists(part).ShouldBeFalse();
        }

        var released = GenreProcess.Run("shards", "status", "--out", Out, "--shard-count", "1");
        released.Output.ShouldContain("failed:       1 of 1  0");
        released.Output.ShouldContain("resubmit: --array=0");

        var rerun = GenreProcess.Run(args);
        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        File.Exists(part).ShouldBeTrue();
        File.Exists(temporary).ShouldBeFalse("a dead writer's leftover is removed");
    }

    [Fact]
    public async Task SIGTERM_removes_the_temporary_part_and_exits_75()
    {
        var manifest = TrackLibrary.Write(_dir.Path, 30, 10);
        using var process = GenreProcess.StartWatched(new Dictionary<string, string?>(),
            "predict", "--manifest", manifest, "--out", Out, "--model", Model("default"));
        await GenreProcess.WaitForErrorLineAsync(process, "shard 0 of 1: 1/");
        Directory.GetFiles(Out, ".part-*.tmp-*").ShouldNotBeEmpty();

        using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        process.ExitCode.ShouldBe(75);
        Directory.GetFiles(Out).ShouldBeEmpty("nothing half-written: no part and no temporary file");
    }
}
