using System.Runtime.Versioning;
using Genre.Cli.Tests.TestSupport;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>
/// The one-node Slurm cluster the end-to-end shard test runs on (<see cref="SlurmCluster"/>), checked with real job
/// arrays: every index runs once, <c>scancel</c> of one running index stops just that one, a resubmitted
/// <c>--array=</c> list runs just those indices, and a script from <c>genre shards slurm</c> is read by sbatch as meant.
/// </summary>
[Collection(nameof(SlurmCluster))]
[SupportedOSPlatform("linux")]
public sealed class SlurmClusterTests
{
    private static readonly TimeSpan s_jobTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_array_runs_every_index_once_scancel_stops_one_running_index_and_a_resubmitted_list_runs_just_it()
    {
        await using var cluster = await SlurmCluster.StartAsync();
        var output = Directory.CreateDirectory(Path.Combine(cluster.Root, "out")).FullName;
        // Each task records that it started, then holds its CPU until the test releases it, so one can be cancelled mid-way.
        var task = $"cd {output} && echo \"$SLURM_ARRAY_TASK_ID of $SLURM_ARRAY_TASK_COUNT\" > $SLURM_ARRAY_TASK_ID.started && " +
            "while [ ! -e release ]; do sleep 0.1; done && echo \"$SLURM_ARRAY_TASK_ID of $SLURM_ARRAY_TASK_COUNT\" > $SLURM_ARRAY_TASK_ID";
        string[] options = ["--cpus-per-task=1", $"--output={output}/%A_%a.log", $"--wrap={task}"];

        var job = await cluster.SubmitAsync(["--array=0-5", .. options]);
        await cluster.WaitForArrayTaskStateAsync(job, 1, "RUNNING", s_jobTimeout);
        await cluster.WaitUntilAsync(() => Task.FromResult(File.Exists(Path.Combine(output, "1.started"))), "task 1 to start its work", s_jobTimeout);
        (await cluster.RunAsync("scancel", $"{job}_1")).ExitCode.ShouldBe(0);
        await cluster.WaitUntilAsync(async () => !(await cluster.ArrayTaskStatesAsync(job)).ContainsKey(1), "task 1 to be gone", s_jobTimeout);
        File.WriteAllText(Path.Combine(output, "release"), "");
        await cluster.WaitForJobToEndAsync(job, s_jobTimeout);

        foreach (var index in new[] { 0, 2, 3, 4, 5 })
        {
            File.ReadAllText(Path.Combine(output, index.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .ShouldBe($"{index} of 6\n", cluster.Log);
        }

        File.Exists(Path.Combine(output, "1.started")).ShouldBeTrue();
        File.Exists(Path.Combine(output, "1")).ShouldBeFalse("the cancelled task must not have finished");

        var rerun = await cluster.SubmitAsync(["--array=1", .. options]);
        await cluster.WaitForJobToEndAsync(rerun, s_jobTimeout);
        File.ReadAllText(Path.Combine(output, "1")).ShouldBe("1 of 1\n", "a resubmitted list is an array of its own: SLURM_ARRAY_TASK_COUNT counts it, not the shards");
    }

    [Fact]
    public async Task Sbatch_reads_a_generated_script_as_meant_whatever_the_paths_hold()
    {
        await using var cluster = await SlurmCluster.StartAsync();
        var root = Directory.CreateDirectory(Path.Combine(cluster.Root, "it's a \"test\" $HOME `x` #1 %A")).FullName;
        var manifest = Path.Combine(root, "tracks list.csv");
        var output = Path.Combine(root, "parts & logs");
        var script = Path.Combine(cluster.Root, "shards.sh");

        // /bin/echo in place of genre prints, in each task's log, the command line every task would run.
        var generated = GenreProcess.Run("shards", "slurm", "--manifest", manifest, "--out", output, "--shard-count", "6",
            "--cpus", "1", "--mem", "100M", "--genre", "/bin/echo", "--to", script);
        generated.ExitCode.ShouldBe(0, generated.ToString());
        var job = await cluster.SubmitAsync(script);
        await cluster.WaitForJobToEndAsync(job, s_jobTimeout);

        var logs = Path.Combine(output, "logs");
        for (var index = 0; index < 6; index++)
        {
            var log = Path.Combine(logs, $"{job}_{index}.out");
            File.Exists(log).ShouldBeTrue($"{log} (the --output directive with %A_%a); folder holds: {string.Join(", ", Directory.GetFiles(logs))}\n{cluster.Log}");
            File.ReadAllText(log).ShouldBe($"predict --manifest {manifest} --out {output} --shard-count 6 --format parquet\n");
        }
    }

    [Fact]
    public async Task Stopping_the_cluster_ends_a_running_job_and_every_daemon_and_removes_its_folder()
    {
        using var outside = new TempDirectory();
        var pidFile = outside.File("task.pid");
        IReadOnlyList<int> daemons;
        string root;
        await using (var cluster = await SlurmCluster.StartAsync())
        {
            (daemons, root) = (cluster.DaemonIds, cluster.Root);
            var job = await cluster.SubmitAsync("--array=0", "--output=/dev/null", $"--wrap=echo $$ > {pidFile}; while true; do sleep 1; done");
            await cluster.WaitForArrayTaskStateAsync(job, 0, "RUNNING", s_jobTimeout);
            await cluster.WaitUntilAsync(() => Task.FromResult(File.Exists(pidFile) && File.ReadAllText(pidFile).EndsWith('\n')), "the job to record its pid", s_jobTimeout);
        }

        var task = int.Parse(File.ReadAllText(pidFile), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var pid in daemons.Append(task))
        {
            IsAlive(pid).ShouldBeFalse($"process {pid} outlived the cluster");
        }

        Directory.Exists(root).ShouldBeFalse();
    }

    /// <summary>Alive unless gone or a zombie (a container's init may never reap what it inherits).</summary>
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }
}
