using System.Globalization;
using Genre.Batch;
using Genre.Inference;

namespace Genre.Cli.Commands;

/// <summary><c>genre predict --manifest</c>: one shard of a manifest into its part, through <see cref="ShardRunner"/>.</summary>
internal static class ManifestPrediction
{
    public static int Execute(string manifestPath, ManifestSettings settings, string? modelDirectory, BatchOptions options, CancellationToken cancel)
    {
        var shard = Shard.Resolve(settings.ShardIndex, settings.ShardCount, Environment.GetEnvironmentVariable);
        var manifest = Manifest.Open(manifestPath);
        using var classifier = GenreClassifier.Load(modelDirectory);
        var runner = new ShardRunner(classifier, options);
        var part = shard.PartName(settings.Format);
        var outcome = Terminal.Progress.Run($"shard {shard.Index} of {shard.Count}", report =>
            runner.RunAsync(manifest, shard, settings.Out, settings.Format, settings.Overwrite,
                (done, total) => report((int)done, (int)total, part), cancel).GetAwaiter().GetResult());
        var rows = outcome.Rows.ToString("N0", CultureInfo.InvariantCulture);
        Console.Out.WriteLine(outcome.AlreadyDone
            ? $"{outcome.PartPath}: already done ({rows} rows)"
            : $"{outcome.PartPath}: {rows} rows, {outcome.Errors.ToString("N0", CultureInfo.InvariantCulture)} errors");
        return CommandRunner.Ok;
    }
}
