using System.CommandLine;
using System.Globalization;
using Genre.Cli.Terminal;
using Genre.Data;

namespace Genre.Cli.Commands;

/// <summary><c>genre extract --data DIR --out FILE.npz</c>: the training features of a whole dataset.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Dataset folder (Kaggle layout genres_original/<genre>/*.wav, or genres/<genre>/*.au).", Required = true };
        var output = new Option<string>("--out") { Description = "Feature file to write (.npz, readable by numpy.load).", Required = true };
        var threads = new Option<int?>("--threads") { Description = "Clips decoded in parallel (default: all cores)." };
        var command = new Command("extract", "Extract the original system's training features: MFCC (13) of 10 segments of 3 s per clip.")
        {
            data, output, threads,
        };
        command.SetAction(parse => CommandRunner.Run(cancel =>
            Execute(parse.GetValue(data)!, parse.GetValue(output)!, parse.GetValue(threads), cancel)));
        return command;
    }

    private static int Execute(string dataDirectory, string outputPath, int? threads, CancellationToken cancel)
    {
        var dataset = GtzanDataset.Open(dataDirectory);
        Console.Error.WriteLine($"dataset: {dataset.Root} ({dataset.Clips.Count} files, {dataset.Genres.Count} genres: {string.Join(", ", dataset.Genres)})");
        var result = Progress.Run("extracting", report =>
            DatasetExtractor.Extract(dataset, progress: new ClipProgress(report), maxDegreeOfParallelism: threads, cancellationToken: cancel));

        foreach (var skipped in result.Skipped)
        {
            Console.Error.WriteLine($"skipped: {skipped.Path}: {skipped.Reason}");
        }

        if (result.Features.Count == 0)
        {
            return CommandRunner.Fail($"{dataDirectory}: no clip gave a single segment; nothing written");
        }

        result.Features.Save(outputPath);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"extracted {result.ExtractedClips} clips, {result.Features.Count} segments, {result.Skipped.Count} skipped -> {outputPath} " +
            $"({result.Elapsed.TotalSeconds:0.00} s, {result.WallMsPerClip:0.00} ms per clip wall, {result.CoreMsPerClip:0.00} ms per clip per core)"));
        return CommandRunner.Ok;
    }
}
