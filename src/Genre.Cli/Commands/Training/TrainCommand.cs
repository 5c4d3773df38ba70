using System.CommandLine;
using System.Globalization;
using Progress = Genre.Cli.Terminal.Progress;
using Genre.Data;
using Genre.Kinds;
using Genre.Model;
using Genre.Training;
using Genre.Training.Head;
using Spectre.Console;

namespace Genre.Cli.Commands;

/// <summary>
/// <c>genre train --features FILE.npz --out DIR</c>: trains the CNN (or, with <c>--kind audioset-head</c>, a head on
/// the AudioSet network's embeddings) and writes a model folder with its test report in DIR/report.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var defaults = new TrainingOptions();
        var features = new Option<string>("--features") { Description = "Feature file from 'genre extract' (.npz).", Required = true };
        var output = new Option<string>("--out") { Description = "Model folder to write (weights.safetensors + model.json); artist-3fold and stratified-5fold write OUT/fold-K.", Required = true };
        var split = new Option<string>("--split") { Description = $"How to divide the data: {string.Join(", ", SplitNames.All)}.", DefaultValueFactory = _ => "track" };
        split.AcceptOnlyFromAmong([.. SplitNames.All]);
        var lists = new Option<string?>("--split-lists") { Description = "fault-filtered: folder with train.txt, valid.txt, test.txt; artist-3fold: the clip,genre,fold csv." };
        var epochs = new Option<int>("--epochs") { Description = "Epochs to train.", DefaultValueFactory = _ => defaults.Epochs };
        var batch = new Option<int>("--batch-size") { Description = "Mini-batch size.", DefaultValueFactory = _ => defaults.BatchSize };
        var lr = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => defaults.LearningRate };
        var seed = new Option<int>("--seed") { Description = "Seed of weights, dropout, batch order and split.", DefaultValueFactory = _ => defaults.Seed };
        var threads = new Option<int?>("--threads") { Description = "Torch threads (default: all cores); same seed and threads give the same model." };
        var device = new Option<string>("--device") { Description = "cpu or cuda.", DefaultValueFactory = _ => defaults.Device };
        device.AcceptOnlyFromAmong("cpu", "cuda");
        var notes = new Option<string?>("--notes") { Description = "Words for the model card: where the data came from, how this model was chosen, its caveats." };
        var patience = new Option<int?>("--patience") { Description = "Stop after this many epochs without a better validation loss (default: never)." };
        var kind = new Option<string>("--kind")
        {
            Description = $"What to train: {string.Join(", ", TrainableNetworks.Kinds)} on 'genre extract' MFCCs, or {ModelKinds.AudioSetHead}: a head on 'genre extract --kind audioset' embeddings (100 epochs by default).",
            DefaultValueFactory = _ => defaults.Kind,
        };
        kind.AcceptOnlyFromAmong([.. TrainableNetworks.Kinds, ModelKinds.AudioSetHead]);
        var augment = new Option<string?>("--augment")
        {
            Description = $"Augment the training clips on the fly, comma-separated: {string.Join(",", AugmentationSettings.AllTransforms)} (default: none). Waveform ones need --data.",
        };
        var data = new Option<string?>("--data") { Description = "The dataset folder the features were extracted from: waveform augmentation decodes its training clips once; --fine-tune decodes every file again." };
        var snr = new Option<double>("--snr") { Description = "Signal-to-noise ratio of --augment noise, in dB.", DefaultValueFactory = _ => new AugmentationSettings().NoiseSnrDb };
        var augmentP = new Option<double>("--augment-p")
        {
            Description = "The chance that each waveform transform is applied to a clip in an epoch (1: every clip, every epoch).",
            DefaultValueFactory = _ => new AugmentationSettings().WaveformProbability,
        };
        var head = new HeadTrainOptions();
        var command = new Command("train", "Train the original CNN or the CRNN on MFCC features, or a head on AudioSet embeddings (Adam, cross-entropy; keeps the best-validation epoch).")
        {
            features, output, split, lists, epochs, batch, lr, seed, threads, device, patience, notes, kind, augment, data, snr, augmentP,
        };
        foreach (var option in head.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CommandRunner.Run(cancel =>
        {
            var options = new TrainingOptions
            {
                Epochs = parse.GetValue(epochs),
                BatchSize = parse.GetValue(batch),
                LearningRate = parse.GetValue(lr),
                Seed = parse.GetValue(seed),
                Threads = parse.GetValue(threads),
                Device = parse.GetValue(device)!,
                Patience = parse.GetValue(patience),
                Kind = parse.GetValue(kind)!,
                Augmentation = Augmentation(parse.GetValue(augment), parse.GetValue(snr), parse.GetValue(augmentP)),
            };
            var isHead = parse.GetValue(kind) == ModelKinds.AudioSetHead;
            var request = new TrainingRequest(parse.GetValue(features)!, parse.GetValue(output)!, SplitNames.Parse(parse.GetValue(split)!), options with { Kind = isHead ? defaults.Kind : options.Kind },
                parse.GetValue(lists), parse.GetValue(notes), parse.GetValue(data));
            return isHead ? ExecuteHead(head.Request(parse, request, epochs), cancel) : Execute(request, cancel);
        }));
        return command;
    }

    /// <summary>The transforms of <c>--augment</c> in the order they are applied; null when none.</summary>
    private static AugmentationSettings? Augmentation(string? list, double snr, double probability)
    {
        var names = (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            return null;
        }

        var unknown = names.Where(n => !AugmentationSettings.AllTransforms.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new TrainingException($"--augment: unknown transform(s) {string.Join(", ", unknown)}; use {string.Join(",", AugmentationSettings.AllTransforms)}");
        }

        return new AugmentationSettings { Transforms = [.. AugmentationSettings.AllTransforms.Where(names.Contains)], NoiseSnrDb = snr, WaveformProbability = probability };
    }

    private static int Execute(TrainingRequest request, CancellationToken cancel)
    {
        var models = TrainingJob.Run(request, new EpochPrinter(Progress.Interactive), cancel);
        PrintSummary(models, Progress.Interactive);
        return CommandRunner.Ok;
    }

    private static int ExecuteHead(HeadTrainingRequest request, CancellationToken cancel)
    {
        var models = HeadTrainingJob.Run(request, new EpochPrinter(Progress.Interactive), cancel);
        PrintSummary(models, Progress.Interactive);
        return CommandRunner.Ok;
    }

    private static string Percent(double? fraction) => fraction is { } f ? Terminal.Text.Percent(f) : "-";

    private static void PrintSummary(IReadOnlyList<TrainedModel> models, bool interactive)
    {
        var rows = models.Select(m => new[]
        {
            m.Split.Name,
            string.Create(CultureInfo.InvariantCulture, $"{m.Card.Training!.BestEpoch}/{m.Card.Training.EpochsRun}"),
            Percent(m.Card.Metrics!.TrainAccuracy),
            Percent(m.Card.Metrics.ValidationAccuracy),
            Percent(m.Card.Metrics.TestAccuracy),
            Percent(m.Card.Metrics.TestClipAccuracy),
            m.Card.Temperature.ToString("0.000", CultureInfo.InvariantCulture),
            m.Directory,
        }).ToList();
        string[] headers = ["split", "best epoch", "train acc", "valid acc", "test acc (segment)", "test acc (clip)", "temperature", "model"];
        if (interactive)
        {
            var table = new Table().AddColumns(headers);
            foreach (var row in rows)
            {
                table.AddRow([.. row.Select(CommandRunner.Safe)]);
            }

            AnsiConsole.Write(table);
        }
        else
        {
            foreach (var row in rows)
            {
                Console.WriteLine(string.Join("  ", headers.Zip(row, (h, v) => $"{h}: {v}")));
            }
        }

        foreach (var m in models)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Split.Name}: test ECE {Percent(m.Card.Metrics!.TestEceBefore)} raw, {Percent(m.Card.Metrics.TestEceAfter)} at T = {m.Card.Temperature:0.000} (fitted on validation); report in {m.ReportDirectory}"));
        }

        if (models.Count > 1)
        {
            var segment = models.Select(m => m.Card.Metrics!.TestAccuracy ?? 0).ToArray();
            var clip = models.Select(m => m.Card.Metrics!.TestClipAccuracy ?? 0).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mean over {models.Count} folds: test acc {100 * segment.Average():0.0} ± {100 * StandardDeviation(segment):0.0} % per segment, {100 * clip.Average():0.0} ± {100 * StandardDeviation(clip):0.0} % per clip"));
        }
    }

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Length - 1));
    }

    /// <summary>One line an epoch: Spectre markup in a terminal (best epochs bold), plain text on stderr otherwise.</summary>
    private sealed class EpochPrinter(bool interactive) : ITrainingObserver
    {
        public void SplitReady(DataSplit split)
        {
            var line = $"{split.Description}: {split.Train.Length}/{split.Validation.Length}/{split.Test.Length} segments (train/valid/test)";
            if (split.MissingClips.Count > 0)
            {
                line += $"; {split.MissingClips.Count} listed clip(s) not in the features, e.g. {string.Join(", ", split.MissingClips.Take(3))}";
            }

            Console.Error.WriteLine(line);
        }

        public void FineTuneFileReady(DataSplit split, ExtractionProgress progress)
        {
            // Every tenth of the files, and the last: a thousand files are a minute or two before the first epoch.
            if (progress.Done == progress.Total || progress.Done % Math.Max(1, progress.Total / 10) == 0)
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{split.Name} fine-tune: decoded {progress.Done}/{progress.Total} files again and ran the network's frozen part"));
            }
        }

        public void EpochDone(DataSplit split, EpochReport r)
        {
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{split.Name} epoch {r.Epoch}/{r.Epochs}: train loss {r.TrainLoss:0.0000} acc {100 * r.TrainAccuracy:0.0} %  valid loss {r.ValidationLoss:0.0000} acc {100 * r.ValidationAccuracy:0.0} %  {r.EpochTime.TotalSeconds:0.00} s{(r.IsBest ? "  *best" : "")}");
            if (interactive)
            {
                AnsiConsole.MarkupLine(r.IsBest ? $"[bold]{CommandRunner.Safe(line)}[/]" : CommandRunner.Safe(line));
            }
            else
            {
                Console.Error.WriteLine(line);
            }
        }
    }
}
