using System.CommandLine;
using Genre.Batch;
using Genre.Data;

namespace Genre.Cli.Commands;

/// <summary>The options every launcher (<c>shards slurm</c>, <c>shards k8s</c>) shares: what each shard runs, and where the launcher goes.</summary>
internal sealed class ShardLaunchOptions
{
    private readonly Option<string> _manifest = new("--manifest") { Description = "The track list every shard reads (txt, csv, jsonl or parquet).", Required = true };
    private readonly Option<string> _output = new("--out") { Description = "Folder the shards write their parts to.", Required = true };
    private readonly Option<int> _shardCount = new("--shard-count") { Description = "Number of shards (array tasks, Job completions).", Required = true };
    private readonly Option<string?> _model = new("--model") { Description = "Model folder (default: the shipped model)." };
    private readonly Option<string> _format = new("--format") { Description = "Part format.", DefaultValueFactory = _ => "parquet" };
    private readonly Option<string?> _genre;
    private readonly Option<string> _to = new("--to") { Description = "File to write, or - for standard output.", DefaultValueFactory = _ => "-" };

    public ShardLaunchOptions(string genreDescription)
    {
        _format.AcceptOnlyFromAmong([.. ShardCommand.Formats]);
        _genre = new Option<string?>("--genre") { Description = genreDescription };
    }

    public IEnumerable<Option> All => [_manifest, _output, _shardCount, _model, _format, _genre, _to];

    /// <summary>The shard command; with <paramref name="absolute"/> the paths are made absolute against the current folder.</summary>
    public ShardCommand Read(ParseResult parse, bool absolute, IReadOnlyList<string> defaultGenre)
    {
        string Resolve(string path) => absolute ? Path.GetFullPath(path) : path;
        var model = parse.GetValue(_model);
        return new ShardCommand
        {
            Genre = parse.GetValue(_genre) is { } genre ? (absolute ? GenreExecutable.Given(genre) : [genre]) : defaultGenre,
            Manifest = Resolve(parse.GetValue(_manifest)!),
            Output = Resolve(parse.GetValue(_output)!),
            ShardCount = parse.GetValue(_shardCount),
            Model = model is null ? null : Resolve(model),
            Format = parse.GetValue(_format)!,
        };
    }

    /// <summary>Writes the launcher to standard output, or atomically to the <c>--to</c> file with a line saying how to use it.</summary>
    public void Write(ParseResult parse, string text, string howToUse)
    {
        var to = parse.GetValue(_to)!;
        if (to == "-")
        {
            Console.Out.Write(text);
            return;
        }

        AtomicFile.Write(to, stream =>
        {
            using var writer = new StreamWriter(stream);
            writer.Write(text);
        });
        Console.WriteLine($"wrote {to}: {howToUse.Replace("FILE", ShellWords.Quote(to), StringComparison.Ordinal)}");
    }
}
