using DuckDB.NET.Data;
using Genre.Batch;
using Genre.Cli.Tests.TestSupport;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>
/// The Kubernetes Indexed Job contract on this machine: shards run as parallel processes with JOB_COMPLETION_INDEX,
/// one killed and rerun, then <c>genre shards status</c> and <c>genre shards merge</c> give exactly a one-process run.
/// </summary>
public sealed class ShardsCommandTests : IDisposable
{
    /// <summary>Windows batched with other files' may differ from a lone file's in the last float bits.</summary>
    private const float ProbabilityTolerance = 1e-5f;

    private const int Shards = 3;
    private const int Tracks = 24;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string DefaultModel => Path.Combine(GenreProcess.RepositoryRoot, "models", "default");

    [Fact]
    public async Task Parallel_JOB_COMPLETION_INDEX_shards_one_killed_and_rerun_merge_to_exactly_a_one_process_run()
    {
        var manifest = TrackLibrary.Write(_dir.Path, Tracks, 10);
        var output = _dir.File("parts");
        string[] Args() => ["predict", "--manifest", manifest, "--out", output, "--shard-count", $"{Shards}", "--model", DefaultModel];
        Dictionary<string, string?> Index(int i) => new() { ["JOB_COMPLETION_INDEX"] = $"{i}" };

        var runs = new[] { 0, 2 }.Select(i => GenreProcess.RunAsync(Index(i), Args())).ToList();
        using (var victim = GenreProcess.StartWatched(Index(1), Args()))
        {
            await GenreProcess.WaitForErrorLineAsync(victim, $"shard 1 of {Shards}: 1/");
            victim.Kill();
            await victim.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        foreach (var run in await Task.WhenAll(runs))
        {
            run.ExitCode.ShouldBe(0, run.ToString());
        }

        var status = GenreProcess.Run("shards", "status", "--out", output, "--shard-count", $"{Shards}");
        status.ExitCode.ShouldBe(1, status.ToString());
        status.Output.ShouldContain("resubmit: --array=1");
        var incomplete = GenreProcess.Run("shards", "merge", "--out", output, "--to", _dir.File("early.parquet"));
        incomplete.ExitCode.ShouldBe(1, incomplete.ToString());
        incomplete.Error.ShouldContain($"1 of {Shards} parts missing (shards 1)");
        File.Exists(_dir.File("early.parquet")).ShouldBeFalse();

        var rerun = await GenreProcess.RunAsync(Index(1), Args());
        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        var done = GenreProcess.Run("shards", "status", "--out", output, "--shard-count", $"{Shards}");
        done.ExitCode.ShouldBe(0, done.ToString());
        done.Output.ShouldContain($"done:         {Shards} of {Shards}  0-{Shards - 1}");
        done.Output.ShouldNotContain("resubmit");

        var merged = _dir.File("all.parquet");
        var merge = GenreProcess.Run("shards", "merge", "--out", output, "--to", merged);
        merge.ExitCode.ShouldBe(0, merge.ToString());
        merge.Output.ShouldContain($"{merged}: {TrackLibrary.Rows(Tracks)} rows, 3 errors");

        var single = _dir.File("single");
        var one = GenreProcess.Run("predict", "--manifest", manifest, "--out", single, "--model", DefaultModel);
        one.ExitCode.ShouldBe(0, one.ToString());
        var genres = PartReader.ReadMetadata(merged, PartFormat.Parquet).Genres;
        var sharded = PartReader.ReadRows(merged, PartFormat.Parquet, genres).ToList();
        var whole = PartReader.ReadRows(Path.Combine(single, "part-00000-of-00001.parquet"), PartFormat.Parquet, genres).ToList();
        sharded.Select(r => r.Id).ShouldBe(whole.Select(r => r.Id), "every manifest row once, in manifest order");
        for (var i = 0; i < whole.Count; i++)
        {
            (sharded[i] with { ElapsedMs = 0, Probabilities = null, Confidence = null }).ShouldBe(whole[i] with { ElapsedMs = 0, Probabilities = null, Confidence = null });
            (sharded[i].Confidence ?? -1).ShouldBe(whole[i].Confidence ?? -1, ProbabilityTolerance);
            (sharded[i].Probabilities ?? []).Zip(whole[i].Probabilities ?? []).ShouldAllBe(p => Math.Abs(p.First - p.Second) <= ProbabilityTolerance);
        }

        sharded.Where(r => r.Error is not null).Select(r => r.Id).ShouldBe(["bad-empty", "bad-random", "gone"]);
        DuckDBReads(merged, TrackLibrary.Rows(Tracks));
    }

    [Fact]
    public void Merge_writes_the_format_of_the_target_s_extension_and_status_finds_jsonl_parts()
    {
        var manifest = TrackLibrary.Write(_dir.Path, 5, 3);
        var output = _dir.File("parts");
        var gtzan = Path.Combine(GenreProcess.RepositoryRoot, "models", "gtzan-cnn");
        for (var i = 0; i < 2; i++)
        {
            var run = GenreProcess.Run("predict", "--manifest", manifest, "--out", output, "--shard-index", $"{i}", "--shard-count", "2", "--format", "jsonl", "--model", gtzan);
            run.ExitCode.ShouldBe(0, run.ToString());
        }

        File.Exists(Path.Combine(output, "part-00001-of-00002.jsonl.meta.json")).ShouldBeTrue();
        GenreProcess.Run("shards", "status", "--out", output, "--shard-count", "2").ExitCode.ShouldBe(0);
        var csv = _dir.File("all.csv");

        var merge = GenreProcess.Run("shards", "merge", "--out", output, "--to", csv);

        merge.ExitCode.ShouldBe(0, merge.ToString());
        var lines = File.ReadAllLines(csv);
        lines[0].ShouldBe("id,path,genre,confidence,blues,classical,country,disco,hiphop,jazz,metal,pop,reggae,rock,duration,error,model,elapsed_ms");
        lines.Skip(1).Select(l => l.Split(',')[0]).ShouldBe(["t000", "t001", "t002", "bad-empty", "t003", "bad-random", "gone", "t004"]);
    }

    private static void DuckDBReads(string path, int rows)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*), count(error), count(DISTINCT model), min(duration) FROM read_parquet('{path}')";
        using var reader = command.ExecuteReader();
        reader.Read().ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(rows);
        reader.GetInt64(1).ShouldBe(3);
        reader.GetInt64(2).ShouldBe(1);
        reader.GetDouble(3).ShouldBe(10.0, 0.01);
    }
}
