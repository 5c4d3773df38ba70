using System.Globalization;

namespace Genre.Batch;

/// <summary>
/// The <c>genre predict --manifest</c> command every shard of a launcher runs, and the exit codes a scheduler acts on.
/// The shard index is not in it: <c>genre predict</c> reads it from <c>SLURM_ARRAY_TASK_ID</c> or
/// <c>JOB_COMPLETION_INDEX</c>; the count is explicit because a resubmitted Slurm array of 3 tasks is still 3 of 16.
/// </summary>
public sealed record ShardCommand
{
    /// <summary>Wrong command line (System.CommandLine's parse error): every rerun fails the same way.</summary>
    public const int BadUsage = 2;

    /// <summary>EX_DATAERR: the manifest is bad; fix it before rerunning the shard.</summary>
    public const int DataError = 65;

    /// <summary>EX_TEMPFAIL: output not writable, disk full, or interrupted (SIGTERM); a rerun may succeed.</summary>
    public const int TemporaryFailure = 75;

    /// <summary>The names <see cref="Format"/> may take.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["parquet", "jsonl", "csv"];

    /// <summary>How to start genre: <c>["genre"]</c> on the PATH, or <c>["/usr/bin/dotnet", "/opt/genre/genre.dll"]</c>.</summary>
    public required IReadOnlyList<string> Genre { get; init; }

    /// <summary>The manifest every shard reads, as the tasks will see it (absolute, or relative to their working folder).</summary>
    public required string Manifest { get; init; }

    /// <summary>The folder the shards write their parts to.</summary>
    public required string Output { get; init; }

    /// <summary>How many shards the manifest is cut into.</summary>
    public required int ShardCount { get; init; }

    /// <summary>Model folder; null for the shipped default model.</summary>
    public string? Model { get; init; }

    /// <summary>The parts' format: one of <see cref="Formats"/>.</summary>
    public string Format { get; init; } = "parquet";

    /// <summary>The command's words, unquoted: genre's own words, then predict and its options.</summary>
    /// <exception cref="LauncherException">The command is empty, the shard count below 1, the format unknown, or the manifest or output empty.</exception>
    public IReadOnlyList<string> Words()
    {
        Validate();
        var words = new List<string>(Genre)
        {
            "predict", "--manifest", Manifest, "--out", Output,
            "--shard-count", ShardCount.ToString(CultureInfo.InvariantCulture), "--format", Format,
        };
        if (Model is not null)
        {
            words.AddRange(["--model", Model]);
        }

        return words;
    }

    private void Validate()
    {
        if (Genre.Count == 0 || Genre.Any(string.IsNullOrEmpty))
        {
            throw new LauncherException("the genre command is empty: give the genre executable's path (--genre PATH)");
        }

        if (ShardCount < 1)
        {
            throw new LauncherException($"--shard-count {ShardCount}: give at least 1 shard");
        }

        if (!Formats.Contains(Format))
        {
            throw new LauncherException($"--format {Format}: choose one of {string.Join(", ", Formats)}");
        }

        if (Manifest.Length == 0 || Output.Length == 0)
        {
            throw new LauncherException("--manifest and --out must not be empty");
        }
    }
}
