using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using Genre.Core.Tests.TestSupport;

namespace Genre.Cli.Tests.TestSupport;

/// <summary>
/// A real one-node Slurm cluster on this machine, for the time of a test: its own munged (private key and socket),
/// slurmctld and slurmd (Debian's slurm-wlm), with a slurm.conf, state, spool and free ports in a temporary folder,
/// so nothing of the machine's own Slurm or MUNGE set-up is read or changed. Needs root (SlurmUser=root) and no
/// systemd. <see cref="DisposeAsync"/> cancels every job, stops the daemons and removes the folder, whatever happened.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed partial class SlurmCluster : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>What the harness runs, and the Debian package each comes from.</summary>
    private static readonly (string Tool, string Package)[] s_tools =
    [
        ("munged", "munge"), ("slurmctld", "slurmctld"), ("slurmd", "slurmd"),
        ("sbatch", "slurm-client"), ("squeue", "slurm-client"), ("scancel", "slurm-client"), ("sinfo", "slurm-client"), ("setsid", "util-linux"),
    ];

    private readonly TempDirectory _dir = new();
    private readonly List<Process> _daemons = [];
    private readonly ConcurrentQueue<string> _log = new();

    private SlurmCluster()
    {
        // munged refuses a socket folder that others can write to.
        File.SetUnixFileMode(_dir.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
    }

    /// <summary>The cluster's folder: slurm.conf, state, spool, munge; tests may put their files under it too.</summary>
    public string Root => _dir.Path;

    public string ConfigPath => _dir.File("slurm.conf");

    /// <summary>The short host name, which is the node's name and the controller's.</summary>
    public static string NodeName { get; } = System.Environment.MachineName.Split('.')[0];

    /// <summary>For every Slurm client command: which cluster to talk to.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["SLURM_CONF"] = ConfigPath };

    private string SpoolDirectory => _dir.Combine("spool");

    private string MungeSocket => _dir.Combine("munge", "munge.socket");

    /// <summary>The process ids of munged, slurmctld and slurmd.</summary>
    public IReadOnlyList<int> DaemonIds => [.. _daemons.Select(d => d.Id)];

    /// <summary>The daemons' own output, for failure messages.</summary>
    public string Log => string.Join('\n', _log);

    public static async Task<SlurmCluster> StartAsync()
    {
        RequireTools();
        var cluster = new SlurmCluster();
        try
        {
            await cluster.StartDaemonsAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>Not a skip: CI must run this test, so a machine without Slurm fails it with the fix.</summary>
    private static void RequireTools()
    {
        var missing = s_tools.Where(t => FindOnPath(t.Tool) is null).ToList();
        if (missing.Count > 0)
        {
            throw new Xunit.Sdk.XunitException(
                $"a local Slurm cluster needs {string.Join(", ", missing.Select(t => t.Tool))}, not found on the PATH: run eng/setup.sh " +
                $"(it installs {string.Join(" ", missing.Select(t => t.Package).Distinct())}) or apt-get install slurm-wlm munge");
        }

        if (System.Environment.UserName != "root")
        {
            throw new Xunit.Sdk.XunitException("a local Slurm cluster runs its daemons as root (SlurmUser=root); run the tests as root, as CI does");
        }
    }

    private static string? FindOnPath(string tool) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Concat(["/usr/sbin", "/sbin"])
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    private async Task StartDaemonsAsync()
    {
        Directory.CreateDirectory(_dir.Combine("munge"));
        Directory.CreateDirectory(_dir.Combine("state"));
        Directory.CreateDirectory(SpoolDirectory);

        // A private key, owned by root and readable by it alone, as munged demands; /etc/munge is left as it is.
        var key = _dir.Combine("munge", "munge.key");
        File.WriteAllBytes(key, RandomNumberGenerator.GetBytes(1024));
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        StartDaemon(FindOnPath("munged")!, "--foreground", $"--socket={MungeSocket}", $"--key-file={key}",
            $"--log-file={_dir.Combine("munge", "munged.log")}", $"--pid-file={_dir.Combine("munge", "munged.pid")}",
            $"--seed-file={_dir.Combine("munge", "munged.seed")}");
        await WaitUntilAsync(() => Task.FromResult(File.Exists(MungeSocket)), "munged's socket to appear", s_startTimeout);

        File.WriteAllText(ConfigPath, Configuration(await NodeHardwareAsync()));
        StartDaemon(FindOnPath("slurmctld")!, "-D", "-c", "-f", ConfigPath);
        StartDaemon(FindOnPath("slurmd")!, "-D", "-N", NodeName, "-f", ConfigPath);
        await WaitUntilAsync(async () => (await RunAsync("sinfo", "-h", "-o", "%T")).Output.Trim() == "idle", "the node to be idle", s_startTimeout);
    }

    /// <summary>
    /// The node's hardware as slurmd itself measures it (CPUs, sockets, cores, threads, RealMemory from /proc/meminfo):
    /// a node configured with more than slurmd finds is drained as invalid.
    /// </summary>
    private static async Task<string> NodeHardwareAsync()
    {
        var probe = await ToolProcess.RunAsync(FindOnPath("slurmd")!, ["-C"], new Dictionary<string, string>(), s_commandTimeout);
        var line = probe.Output.Split('\n').FirstOrDefault(l => l.StartsWith("NodeName=", StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"slurmd -C printed no node line\n{probe}");
        return string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)); // without its own NodeName
    }

    private string Configuration(string hardware)
    {
        var (controllerPort, nodePort) = (FreePort(), FreePort());
        string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
        return string.Join('\n',
            "# A one-node test cluster (tests/Genre.Cli.Tests/TestSupport/SlurmCluster.cs).",
            "ClusterName=genretest",
            Line($"SlurmctldHost={NodeName}(127.0.0.1)"),
            Line($"SlurmctldPort={controllerPort}"),
            Line($"SlurmdPort={nodePort}"),
            "SlurmUser=root",
            "SlurmdUser=root",
            "AuthType=auth/munge",
            "CredType=cred/munge",
            Line($"AuthInfo=socket={MungeSocket}"),
            Line($"StateSaveLocation={_dir.Combine("state")}"),
            Line($"SlurmdSpoolDir={SpoolDirectory}"),
            Line($"SlurmctldPidFile={_dir.File("slurmctld.pid")}"),
            Line($"SlurmdPidFile={_dir.File("slurmd.pid")}"),
            // No cgroups (none are delegated in a container): processes are tracked by parentage, tasks not bound.
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "MpiDefault=none",
            "ReturnToService=2",
            "SchedulerType=sched/backfill",
            // CPUs are the consumable, so a 2-CPU node runs two 1-CPU tasks at once.
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_CPU",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            "JobCompType=jobcomp/none",
            "MailProg=/bin/true",
            "KillWait=10",
            Line($"NodeName={NodeName} NodeAddr=127.0.0.1 {hardware} State=UNKNOWN"),
            "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP",
            "");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts a daemon in the foreground in a session of its own, so stopping it reaches its whole process group.</summary>
    private void StartDaemon(string program, params string[] args)
    {
        var start = new ProcessStartInfo("setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var name = Path.GetFileName(program);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Record(name, e.Data);
        process.ErrorDataReceived += (_, e) => Record(name, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _daemons.Add(process);
    }

    private void Record(string daemon, string? line)
    {
        if (line is not null)
        {
            _log.Enqueue($"{daemon}: {line}");
        }
    }

    /// <summary>Runs a Slurm client command (sbatch, squeue, scancel, sinfo, scontrol) against this cluster.</summary>
    public Task<ToolProcess.Result> RunAsync(string tool, params string[] args) =>
        ToolProcess.RunAsync(tool, args, Environment, s_commandTimeout, Root);

    /// <summary>Submits with sbatch and returns the job id; a refusal fails the test with sbatch's message.</summary>
    public async Task<string> SubmitAsync(params string[] args)
    {
        var result = await RunAsync("sbatch", ["--parsable", .. args]);
        if (result.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"sbatch refused the job\n{result}");
        }

        return result.Output.Trim().Split(';')[0];
    }

    /// <summary>The state of each array task of <paramref name="jobId"/> that squeue still lists (pending, running, completing).</summary>
    public async Task<IReadOnlyDictionary<int, string>> ArrayTaskStatesAsync(string jobId)
    {
        var result = await RunAsync("squeue", "-h", "-r", "-o", "%i %T");
        if (result.ExitCode != 0)
        {
            throw new Xunit.Sdk.XunitException($"squeue failed\n{result}");
        }

        var states = new Dictionary<int, string>();
        foreach (var line in result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            if (parts[0].Split('_') is [var job, var index] && job == jobId)
            {
                states[int.Parse(index, CultureInfo.InvariantCulture)] = parts[1];
            }
        }

        return states;
    }

    public Task WaitForArrayTaskStateAsync(string jobId, int index, string state, TimeSpan timeout) =>
        WaitUntilAsync(async () => (await ArrayTaskStatesAsync(jobId)).GetValueOrDefault(index) == state,
            $"array task {jobId}_{index} to be {state}", timeout);

    /// <summary>Until squeue lists no task of the job: each has completed, failed or been cancelled.</summary>
    public Task WaitForJobToEndAsync(string jobId, TimeSpan timeout) =>
        WaitUntilAsync(async () => (await ArrayTaskStatesAsync(jobId)).Count == 0, $"job {jobId} to end", timeout);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with the daemons' log when it does not in time or a daemon died.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (_daemons.FirstOrDefault(d => d.HasExited) is { } dead)
            {
                throw new Xunit.Sdk.XunitException($"waiting for {what}: {dead.StartInfo.ArgumentList[0]} exited with {dead.ExitCode}\n{Log}");
            }

            if (clock.Elapsed > timeout)
            {
                throw new Xunit.Sdk.XunitException($"waited {timeout.TotalSeconds:0} s for {what}\n{Log}");
            }

            await Task.Delay(s_pollInterval, TestContext.Current.CancellationToken);
        }
    }
}
