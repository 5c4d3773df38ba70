using System.Globalization;

namespace Genre.Batch;

/// <summary>
/// Which shard of how many this process runs. An explicit index wins; else Slurm's <c>SLURM_ARRAY_TASK_ID</c> (its
/// count from <c>--shard-count</c>, else <c>SLURM_ARRAY_TASK_COUNT</c>), else Kubernetes' <c>JOB_COMPLETION_INDEX</c>
/// (its count must be given); with none of them, shard 0 of 1.
/// </summary>
/// <param name="Index">This shard, from 0 to <paramref name="Count"/> - 1.</param>
/// <param name="Count">How many shards the manifest is cut into.</param>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The variable a Slurm array task finds its index in.</summary>
    public const string SlurmIndexVariable = "SLURM_ARRAY_TASK_ID";

    /// <summary>The variable holding the number of tasks in a Slurm array (of this submission only, after a resubmit).</summary>
    public const string SlurmCountVariable = "SLURM_ARRAY_TASK_COUNT";

    /// <summary>The variable a pod of a Kubernetes Indexed Job finds its completion index in.</summary>
    public const string KubernetesIndexVariable = "JOB_COMPLETION_INDEX";

    /// <summary>The whole manifest as one shard: shard 0 of 1.</summary>
    public static Shard Single => new(0, 1);

    /// <summary>The shard from the flags and the environment (<paramref name="environment"/> reads a variable); a <see cref="ShardException"/> when they do not say one.</summary>
    /// <param name="index">The index given explicitly (<c>--shard-index</c>), or null to look in the environment.</param>
    /// <param name="count">The count given explicitly (<c>--shard-count</c>), or null.</param>
    /// <param name="environment">Reads an environment variable: <see cref="Environment.GetEnvironmentVariable(string)"/>, or a stand-in in tests.</param>
    public static Shard Resolve(int? index, int? count, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (count is < 1)
        {
            throw new ShardException($"--shard-count must be at least 1, not {count}");
        }

        string? source = null;
        if (index is null)
        {
            if (Variable(environment, SlurmIndexVariable) is { } slurm)
            {
                (index, source) = (slurm, SlurmIndexVariable);
                count ??= Variable(environment, SlurmCountVariable)
                    ?? throw new ShardException($"{SlurmIndexVariable} is set but neither --shard-count nor {SlurmCountVariable} is");
            }
            else if (Variable(environment, KubernetesIndexVariable) is { } kubernetes)
            {
                (index, source) = (kubernetes, KubernetesIndexVariable);
                if (count is null)
                {
                    throw new ShardException($"{KubernetesIndexVariable} is set: give the Job's completions as --shard-count");
                }
            }
            else if (count is not null)
            {
                throw new ShardException($"--shard-count {count} needs --shard-index (or {SlurmIndexVariable} or {KubernetesIndexVariable} in the environment)");
            }
            else
            {
                return Single;
            }
        }

        count ??= 1;
        if (index < 0 || index >= count)
        {
            var from = source is null ? "--shard-index" : $"{source} (= --shard-index)";
            throw new ShardException($"{from} is {index}, outside shards 0 to {count - 1} of --shard-count {count}; shards count from 0 (sbatch --array=0-{count - 1})");
        }

        return new Shard(index.Value, count.Value);
    }

    /// <summary>The part's file name: <c>part-00003-of-00016.parquet</c>.</summary>
    public string PartName(PartFormat format) => $"part-{Index:D5}-of-{Count:D5}.{PartFormats.Extension(format)}";

    private static int? Variable(Func<string, string?> environment, string name)
    {
        var text = environment(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ShardException($"{name} is '{text}', not a shard number");
    }
}
