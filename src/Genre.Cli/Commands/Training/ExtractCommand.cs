using System.CommandLine;
using System.Globalization;
using Genre.Cli.Terminal;
using Genre.Data;
using Genre.Data.Embeddings;
using Genre.Inference;
using Genre.Kinds;

namespace Genre.Cli.Commands;

/// <summary>
/// <c>genre extract --data DIR --out FILE.npz</c>: the training features of a whole dataset: the CNN's MFCCs
/// (<c>--kind mfcc-cnn</c>, the default) or the AudioSet network's window embeddings and logits (<c>--kind audioset</c>).
/// </summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data")
        {
            Description = "Dataset folder (Kaggle layout genres_original/<genre>/*.wav, or genres/<genre>/*.au; with --kind audioset any <label>/**/*.{wav,mp3,flac,ogg,m4a}).",
            Required = true,
        };
        var output = new Option<string>("--out") { Description = "Feature file to write (.npz, readable by numpy.load).", Required = true };
        var threads = new Option<int?>("--threads") { Description = "Clips decoded in parallel (default: all cores)." };
        var kind = new Option<string>("--kind")
        {
            Description = "mfcc-cnn: MFCCs for the CNN; audioset: the AudioSet network's window embeddings and logits, for 'genre train --kind audioset-head' (resumable).",
            DefaultValueFactory = _ => ModelKinds.MfccCnn,
        };
        kind.AcceptOnlyFromAmong(ModelKinds.MfccCnn, ModelKinds.AudioSet);
        var window = WindowOption.Create();
        window.Description = "With --kind audioset: which 10 s windows of each file (first30, full or spread; default spread, as predict hears a track).";
        var baseModel = new Option<string?>("--base-model") { Description = "With --kind audioset: the AudioSet model folder whose network embeds (default: the shipped model)." };
        var command = new Command("extract", "Extract training features: the CNN's MFCCs (13 of 10 segments of 3 s per clip), or with --kind audioset the pretrained network's embeddings.")
        {
            data, output, threads, kind, window, baseModel,
        };
        command.SetAction(parse => CommandRunner.Run(cancel => parse.GetValue(kind) == ModelKinds.AudioSet
            ? ExecuteEmbeddings(new EmbeddingExtractionRequest(parse.GetValue(data)!, parse.GetValue(output)!, parse.GetValue(baseModel) ?? GenreClassifier.DefaultModelDirectory)
            {
                Window = parse.GetValue(window) ?? PredictionWindow.Spread,
                Threads = parse.GetValue(threads),
            }, cancel)
            : Execute(parse.GetValue(data)!, parse.GetValue(output)!, parse.GetValue(threads), cancel)));
        return command;
    }

    private static int ExecuteEmbeddings(EmbeddingExtractionRequest request, CancellationToken cancel)
    {
        var folder = LabelledAudioFolder.Open(request.DataDirectory);
        Console.Error.WriteLine($"dataset: {folder.Root} ({folder.Files.Count} files, {folder.Labels.Count} labels: {string.Join(", ", folder.Labels)})");
        var result = Progress.Run("embedding", report => EmbeddingExtractor.Extract(request, new ClipProgress(report), cancel));
        foreach (var skipped in result.Skipped)
        {
            Console.Error.WriteLine($"skipped: {skipped.Path}: {skipped.Reason}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"embedded {result.Extracted} files, kept {result.Reused} already in {request.OutputPath}, {result.Skipped.Count} skipped -> {request.OutputPath} " +
            $"({result.Set.Files.Count} files, {result.Set.Count} windows of {PredictionWindows.Name(request.Window)}, {result.Set.Mapping.Length} labels; " +
            $"{result.Elapsed.TotalSeconds:0.0} s, {result.WallMsPerFile:0} ms per extracted file wall)"));
        return CommandRunner.Ok;
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
