using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Genre.Batch;

/// <summary>
/// An <c>sbatch</c> job-array script: array task I runs shard I of the manifest. Reruns are cheap because a finished
/// part makes <c>genre predict</c> exit 0 at once, so resubmitting what <c>genre shards status</c> lists is always safe.
/// </summary>
public sealed partial record SlurmArrayScript
{
    /// <summary>Slurm's default MaxArraySize: array indices run from 0 to 1000.</summary>
    public const int DefaultMaxArraySize = 1001;

    /// <summary>What every array task runs: the manifest, the output folder, the shard count, the model and the format.</summary>
    public required ShardCommand Command { get; init; }

    /// <summary>CPUs per task (<c>--cpus-per-task</c>).</summary>
    public int Cpus { get; init; } = 2;

    /// <summary>Memory per task in sbatch's form: a number with an optional K, M, G or T.</summary>
    public string Memory { get; init; } = "2G";

    /// <summary>Time limit per task in sbatch's form (minutes, HH:MM:SS, D-HH:MM, ...).</summary>
    public string Time { get; init; } = "01:00:00";

    /// <summary>The Slurm partition to submit to; null for the cluster's default.</summary>
    public string? Partition { get; init; }

    /// <summary>At most this many tasks at once (the array's <c>%K</c>); null for as many as the cluster gives.</summary>
    public int? MaxParallel { get; init; }

    /// <summary>The job's name, as <c>squeue</c> shows it.</summary>
    public string JobName { get; init; } = "genre-shards";

    /// <summary>Folder of the per-task logs; it must exist before submission (Slurm opens the log before the script runs).</summary>
    public string LogDirectory => Path.Combine(Command.Output, "logs");

    /// <summary>What the user should know before submitting, or null: too many shards for Slurm's default MaxArraySize.</summary>
    public string? Warning => Command.ShardCount > DefaultMaxArraySize
        ? string.Create(CultureInfo.InvariantCulture,
            $"{Command.ShardCount} shards need array indices up to {Command.ShardCount - 1}, past Slurm's default MaxArraySize of {DefaultMaxArraySize} " +
            $"(indices 0-{DefaultMaxArraySize - 1}): ask the administrators to raise MaxArraySize in slurm.conf, or use at most {DefaultMaxArraySize} shards (bigger ones)")
        : null;

    /// <summary>The script, for <c>sbatch FILE</c>.</summary>
    /// <exception cref="LauncherException">A setting Slurm would refuse or read otherwise (a malformed memory size or time, a path it cannot take).</exception>
    public string Render()
    {
        var words = Command.Words();
        Validate();
        var cpus = Cpus.ToString(CultureInfo.InvariantCulture);
        var array = $"0-{Command.ShardCount - 1}" + (MaxParallel is { } k ? $"%{k}" : "");
        var script = new StringBuilder();
        script.Append("#!/bin/bash\n");
        script.Append(CultureInfo.InvariantCulture, $"# Slurm job array written by `genre shards slurm`: task I runs shard I of {Command.ShardCount}.\n");
        script.Append("# Submit with `sbatch FILE`. Afterwards `genre shards status --out DIR --shard-count N` (the --out and\n");
        script.Append("# --shard-count below) prints the shards still missing as an --array= list: `sbatch --array=LIST FILE`\n");
        script.Append("# runs just those. genre exits 0 when its shard is done (also when it was done before), 75 when a rerun\n");
        script.Append("# may succeed (output not writable, disk full, cancelled), 65 when the manifest is bad (fix it first).\n");
        script.Append(CultureInfo.InvariantCulture, $"#SBATCH --job-name={JobName}\n");
        script.Append(CultureInfo.InvariantCulture, $"#SBATCH --array={array}\n");
        script.Append(CultureInfo.InvariantCulture, $"#SBATCH --cpus-per-task={cpus}\n");
        script.Append(CultureInfo.InvariantCulture, $"#SBATCH --mem={Memory}\n");
        script.Append(CultureInfo.InvariantCulture, $"#SBATCH --time={Time}\n");
        if (Partition is not null)
        {
            script.Append(CultureInfo.InvariantCulture, $"#SBATCH --partition={Partition}\n");
        }

        script.Append(CultureInfo.InvariantCulture, $"#SBATCH --output={DirectiveValue(Path.Combine(FilePattern(LogDirectory), "%A_%a.out"))}\n");
        script.Append("#SBATCH --requeue\n"); // a node that fails or is preempted reruns its task, which resumes cheaply
        script.Append("set -euo pipefail\n");
        script.Append("# Without task binding .NET and libtorch would size their thread pools to the whole node.\n");
        script.Append(CultureInfo.InvariantCulture, $"export DOTNET_PROCESSOR_COUNT={cpus} OMP_NUM_THREADS={cpus}\n");
        script.Append("exec ").Append(ShellWords.Join(words)).Append('\n');
        return script.ToString();
    }

    private void Validate()
    {
        foreach (var (option, path) in new[] { ("--manifest", Command.Manifest), ("--out", Command.Output), ("--model", Command.Model) })
        {
            if (path is not null && !Path.IsPathRooted(path))
            {
                throw new LauncherException($"{option} {path}: the script needs an absolute path (a task runs in the folder sbatch was called from)");
            }
        }

        if (Cpus < 1)
        {
            throw new LauncherException($"--cpus {Cpus}: give at least 1");
        }

        if (MaxParallel is < 1)
        {
            throw new LauncherException($"--max-parallel {MaxParallel}: give at least 1, or leave it out for no limit");
        }

        if (!MemoryForm().IsMatch(Memory))
        {
            throw new LauncherException($"--mem {Memory}: give a number with an optional K, M, G or T, such as 2G or 1500M");
        }

        if (!TimeForm().IsMatch(Time))
        {
            throw new LauncherException($"--time {Time}: give minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS, such as 01:00:00");
        }

        if (Partition is not null && !NameForm().IsMatch(Partition))
        {
            throw new LauncherException($"--partition {Partition}: a partition name is letters, digits, '_', '-' and '.' (several separated by commas)");
        }

        if (!NameForm().IsMatch(JobName))
        {
            throw new LauncherException($"job name {JobName}: use letters, digits, '_', '-' and '.'");
        }

        if (LogDirectory.Contains('\n', StringComparison.Ordinal) || LogDirectory.Contains('\\', StringComparison.Ordinal))
        {
            throw new LauncherException(
                $"--out {Command.Output}: Slurm's log file pattern cannot hold a line break or a backslash (a backslash turns off %A and %a); choose a folder without one");
        }
    }

    /// <summary>A literal '%' in a Slurm file name pattern is written '%%' (a single one starts %A, %a, %j, ...).</summary>
    private static string FilePattern(string path) => path.Replace("%", "%%", StringComparison.Ordinal);

    /// <summary>
    /// sbatch reads an #SBATCH line with its own rules, not the shell's: whitespace ends a value even after a backslash
    /// (Slurm 22.05), so the value is double-quoted, where '#', '$', quotes and spaces are plain and a backslash escapes.
    /// </summary>
    private static string DirectiveValue(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    [GeneratedRegex(@"^[0-9]+[KMGT]?$")]
    private static partial Regex MemoryForm();

    [GeneratedRegex(@"^([0-9]+|[0-9]+:[0-9]+|[0-9]+:[0-9]+:[0-9]+|[0-9]+-[0-9]+|[0-9]+-[0-9]+:[0-9]+|[0-9]+-[0-9]+:[0-9]+:[0-9]+|UNLIMITED|INFINITE)$")]
    private static partial Regex TimeForm();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]+(,[A-Za-z0-9_.\-]+)*$")]
    private static partial Regex NameForm();
}
