using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Genre.Cli.Tests.TestSupport;

/// <summary>Stopping: cancel every job, let the job steps end, stop the daemons, then kill whatever of this cluster is left.</summary>
internal sealed partial class SlurmCluster
{
    private const int SigTerm = 15;
    private const int SigKill = 9;
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(30);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_daemons.Count == 3 && _daemons.All(d => !d.HasExited))
            {
                await CancelEveryJobAsync();
            }
        }
        finally
        {
            foreach (var daemon in Enumerable.Reverse(_daemons))
            {
                await StopAsync(daemon);
            }

            // slurmstepd detaches from slurmd: a step still alive when the daemons stopped is found by what it holds.
            foreach (var pid in StrayProcesses())
            {
                _ = kill(pid, SigKill);
            }

            _dir.Dispose();
        }
    }

    private async Task CancelEveryJobAsync()
    {
        await RunAsync("scancel", $"--user={System.Environment.UserName}");
        try
        {
            await WaitUntilAsync(async () => (await RunAsync("squeue", "-h")).Output.Trim().Length == 0 && !StepSockets().Any(),
                "every job to end after scancel", s_stopTimeout);
        }
        catch (Xunit.Sdk.XunitException)
        {
            // Stopping goes on regardless: what is left is killed below.
        }
    }

    private static async Task StopAsync(Process daemon)
    {
        using (daemon)
        {
            if (daemon.HasExited)
            {
                return;
            }

            // setsid made the daemon its own process group's leader: signal the group, helpers included.
            _ = kill(-daemon.Id, SigTerm);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await daemon.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                _ = kill(-daemon.Id, SigKill);
                await daemon.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    /// <summary>The unix sockets of running job steps: slurmstepd makes one in the spool folder and removes it when it ends.</summary>
    private IEnumerable<string> StepSockets() =>
        Directory.Exists(SpoolDirectory)
            ? Directory.EnumerateFileSystemEntries(SpoolDirectory, $"{NodeName}_*")
            : [];

    /// <summary>Processes of this cluster still alive: job steps holding a socket in its spool, job tasks with its SLURM_CONF.</summary>
    private List<int> StrayProcesses()
    {
        var stepInodes = File.ReadLines("/proc/net/unix").Skip(1)
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length >= 8 && fields[7].StartsWith(SpoolDirectory + "/", StringComparison.Ordinal))
            .Select(fields => $"socket:[{fields[6]}]")
            .ToHashSet();
        var marker = $"SLURM_CONF={ConfigPath}";
        var strays = new List<int>();
        foreach (var entry in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == System.Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var holdsStepSocket = stepInodes.Count > 0 && Directory.EnumerateFileSystemEntries(Path.Combine(entry, "fd"))
                    .Any(fd => stepInodes.Contains(new FileInfo(fd).LinkTarget ?? ""));
                if (holdsStepSocket || File.ReadAllText(Path.Combine(entry, "environ")).Split('\0').Contains(marker))
                {
                    strays.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while being looked at.
            }
        }

        return strays;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
