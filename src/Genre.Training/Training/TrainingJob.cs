using Genre.Data;
using Genre.Evaluation;
using Genre.Features;
using Genre.Model;

namespace Genre.Training;

/// <summary>
/// A whole training run from a feature file to model folder(s): checks the output is writable before any work,
/// loads and fingerprints the features, splits them, trains, calibrates, saves and writes the test report to <c>DIR/report</c>. Artist-3fold makes one model per
/// fold, in <c>OUT/fold-K</c>.
/// </summary>
public static class TrainingJob
{
    /// <summary>The sub-folder of a model folder that holds the test-split evaluation report.</summary>
    public const string ReportFolderName = "report";

    /// <summary>Trains the model(s) <paramref name="request"/> asks for and writes each folder with its card and report.</summary>
    /// <param name="request">The features, the output folder, the split and the hyper-parameters.</param>
    /// <param name="observer">Told when each split starts and each epoch ends; null to train silently.</param>
    /// <param name="cancellationToken">Stops between batches; no model folder is written for an unfinished split.</param>
    /// <returns>One trained model per split (several for the fold splits), in split order.</returns>
    /// <exception cref="TrainingException">The options cannot train (a bad value, an unavailable device, training diverged).</exception>
    /// <exception cref="DatasetException">The features, the split lists or the audio for augmentation are missing or malformed.</exception>
    /// <exception cref="OutputException">The output folder cannot be written.</exception>
    public static IReadOnlyList<TrainedModel> Run(TrainingRequest request, ITrainingObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Validate();
        EnsureWritable(request.OutputDirectory);
        var features = FeatureSet.Load(request.FeaturesPath);
        var sha256 = DataFingerprint.HashFile(request.FeaturesPath);
        var splits = DatasetSplits.Make(request.Split, features, request.Options.Seed, request.SplitLists);
        var options = request.Options;
        var audio = LoadAudio(request, features, splits, cancellationToken);
        var augmentation = options.Augmentation is { } a
            ? a with { Seed = options.Seed, Audio = audio is null ? null : Path.GetFileName(Path.TrimEndingDirectorySeparator(audio.Source)) }
            : null;
        options = options with { Augmentation = augmentation };
        var results = new List<TrainedModel>();
        foreach (var split in splits)
        {
            observer?.SplitReady(split);
            using var trained = Trainer.Train(features, split, options, report => observer?.EpochDone(split, report), cancellationToken, audio);
            var card = new ModelCard
            {
                Kind = options.Kind,
                Architecture = TrainableNetworks.Architecture(options.Kind),
                Augmentation = augmentation,
                Genres = features.Mapping,
                Features = FeatureParameters.From(MfccSettings.Gtzan),
                Training = new TrainingConfiguration
                {
                    LearningRate = options.LearningRate,
                    BatchSize = options.BatchSize,
                    Epochs = options.Epochs,
                    EpochsRun = trained.EpochsRun,
                    BestEpoch = trained.BestEpoch,
                    Patience = options.Patience,
                    Seed = options.Seed,
                    Threads = options.EffectiveThreads,
                    Device = options.Device,
                    Split = SplitNames.Of(request.Split),
                },
                Data = split.Fingerprint(sha256, request.FeaturesPath, features.Count, features.Tracks.Distinct(StringComparer.Ordinal).Count()),
                SplitDescription = split.Description,
                Metrics = trained.Metrics,
                Temperature = trained.Temperature,
                FittedClips = split.FittedClips(features.Tracks),
                Created = DateTimeOffset.UtcNow,
                Notes = request.Notes,
            };
            var directory = splits.Count == 1 ? request.OutputDirectory : Path.Combine(request.OutputDirectory, split.Name);
            GenreModelBundle.Save(directory, card, trained.Model);
            // After the save: Save replaces the whole folder. The report is of the test split, at the validation-fitted T.
            var report = Path.Combine(directory, ReportFolderName);
            EvaluationReportFiles.Write(report, trained.Test, trained.Temperature, trained.ToTrainingHistory());
            results.Add(new TrainedModel(directory, split, card, trained.History, report));
        }

        return results;
    }

    /// <summary>The training clips' audio, decoded once, when a waveform augmentation is on; null otherwise.</summary>
    private static TrainingAudio? LoadAudio(TrainingRequest request, FeatureSet features, IReadOnlyList<DataSplit> splits, CancellationToken cancellationToken)
    {
        if (request.Options.Augmentation is not { HasWaveform: true } settings)
        {
            return null;
        }

        if (request.AudioDirectory is not { } directory)
        {
            throw new TrainingException($"--augment {string.Join(",", settings.Transforms.Where(AugmentationSettings.WaveformTransforms.Contains))} needs the audio the features were extracted from: add --data DIR");
        }

        var tracks = splits.SelectMany(s => s.Train).Select(i => features.Tracks[i]).ToHashSet(StringComparer.Ordinal);
        return TrainingAudio.Load(directory, tracks, MfccSettings.Gtzan, request.Options.EffectiveThreads, cancellationToken);
    }

    // Fails in a second, not after an hour of training. The probe goes in the parent: creating the model folder itself
    // now would leave an empty folder under the final name if training were then killed.
    internal static void EnsureWritable(string directory)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(directory))!;
        var probe = Path.Combine(parent, $".write-test.{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(parent);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(directory, e.Message, e);
        }
    }
}
