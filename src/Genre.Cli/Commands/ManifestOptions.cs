using System.CommandLine;
using System.CommandLine.Parsing;
using Genre.Batch;

namespace Genre.Cli.Commands;

/// <summary><c>genre predict --manifest</c>'s options: which manifest, which shard, where and how to write its part.</summary>
internal sealed class ManifestOptions
{
    public Option<string?> Manifest { get; } = new("--manifest") { Description = "A list of tracks (.txt, .csv, .jsonl or .parquet) to classify one shard of into DIR." };

    public Option<string?> Out { get; } = new("--out") { Description = "Folder of the parts (part-00003-of-00016.parquet)." };

    public Option<int?> ShardIndex { get; } = new("--shard-index") { Description = $"This shard, from 0 (default: ${Shard.SlurmIndexVariable}, else ${Shard.KubernetesIndexVariable}, else 0)." };

    public Option<int?> ShardCount { get; } = new("--shard-count") { Description = $"Shards in all (default: ${Shard.SlurmCountVariable} under Slurm, else 1; required with ${Shard.KubernetesIndexVariable})." };

    public Option<string> Format { get; } = new("--format") { Description = "Part format: parquet, jsonl or csv.", DefaultValueFactory = _ => "parquet" };

    public Option<bool> Overwrite { get; } = new("--overwrite") { Description = "Replace a part of another run (other manifest, model, shard count, window or format)." };

    public static ManifestOptions Create()
    {
        var options = new ManifestOptions();
        options.Format.AcceptOnlyFromAmong("parquet", "jsonl", "csv");
        return options;
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Manifest, Out, ShardIndex, ShardCount, Format, Overwrite })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Whether any option that only makes sense with --manifest was given.</summary>
    public bool Used(CommandResult result) =>
        new Option[] { Out, ShardIndex, ShardCount, Format, Overwrite }.Any(o => result.GetResult(o) is { Implicit: false });

    public ManifestSettings Settings(ParseResult parse) => new(
        parse.GetValue(Out)!, parse.GetValue(ShardIndex), parse.GetValue(ShardCount),
        PartFormats.TryParse(parse.GetValue(Format), out var format) ? format : PartFormat.Parquet, parse.GetValue(Overwrite));
}

/// <summary>The parsed <see cref="ManifestOptions"/>.</summary>
internal sealed record ManifestSettings(string Out, int? ShardIndex, int? ShardCount, PartFormat Format, bool Overwrite);
