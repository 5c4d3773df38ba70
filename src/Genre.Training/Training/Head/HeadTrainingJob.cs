using System.Globalization;
using Genre.Data.Embeddings;
using Genre.Evaluation;
using Genre.Inference;
using Genre.Kinds;
using Genre.Kinds.AudioSet;
using Genre.Kinds.AudioSetHead;
using Genre.Model;

namespace Genre.Training.Head;

/// <summary>
/// A whole head training run, as <see cref="TrainingJob"/> is for the CNN: checks the output is writable, loads the
/// embeddings and the base network, splits by clip (a clip's windows never cross the split), trains, calibrates,
/// writes a self-contained model folder of kind <c>audioset-head</c> and its test report in <c>DIR/report</c>;
/// artist-3fold and stratified-5fold write one folder per fold, <c>OUT/fold-K</c>.
/// </summary>
public static class HeadTrainingJob
{
    /// <summary>The files of the base model folder a head folder carries along: AudioSet's class names (for tags) and the weights' licence.</summary>
    private static readonly string[] CopiedFiles = [AudioSetClasses.FileName, "LICENSE.weights"];

    /// <summary>Trains the head(s) <paramref name="request"/> asks for and writes each folder with its card, weights and report.</summary>
    /// <param name="request">The embedding file, the output folder, the split, the head's options and the base model.</param>
    /// <param name="observer">Told when each split starts and each epoch ends; null to train silently.</param>
    /// <param name="cancellationToken">Stops between epochs; no model folder is written for an unfinished split.</param>
    /// <returns>One trained model per split (several for the fold splits), in split order.</returns>
    /// <exception cref="TrainingException">The options cannot train.</exception>
    /// <exception cref="DatasetException">The embeddings are missing, malformed, hold one label, or came from another network than the base model's.</exception>
    /// <exception cref="ModelFileException">The base model is missing, broken, or not of kind <c>audioset</c>.</exception>
    /// <exception cref="OutputException">The output folder cannot be written.</exception>
    public static IReadOnlyList<TrainedModel> Run(HeadTrainingRequest request, ITrainingObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Validate();
        TrainingJob.EnsureWritable(request.OutputDirectory);
        if (request.Options.FineTuneBlocks > 0 && request.DataDirectory is null)
        {
            throw new TrainingException("--fine-tune needs the audio the embeddings were extracted from: add --data DIR (the folder given to genre extract)");
        }

        if (request.DataDirectory is { } data && !Directory.Exists(data))
        {
            throw new DatasetException(data, "is not a folder: give --data the folder the embeddings were extracted from");
        }

        var set = EmbeddingSet.Load(request.FeaturesPath);
        if (set.Mapping.Length < 2)
        {
            throw new DatasetException(request.FeaturesPath, $"holds one label ({set.Mapping[0]}); a classifier needs at least two label folders");
        }

        var (baseCard, baseTensors) = ModelFolder.Read(request.BaseModelDirectory, ModelKinds.AudioSet);
        var network = EmbeddingExtractor.NetworkId(request.BaseModelDirectory);
        if (network != set.Network)
        {
            throw new DatasetException(request.FeaturesPath,
                $"was extracted through {set.Network}, but the base model {request.BaseModelDirectory} is {network}; extract again with --model {request.BaseModelDirectory}");
        }

        var sha256 = DataFingerprint.HashFile(request.FeaturesPath);
        var splits = DatasetSplits.Make(request.Split, set.Tracks, set.Labels, request.Options.Seed, request.SplitLists);
        var results = new List<TrainedModel>();
        FrozenActivations? activations = null;
        try
        {
            foreach (var split in splits)
            {
                observer?.SplitReady(split);
                var trained = HeadTrainer.Train(set, split, request.Options, report => observer?.EpochDone(split, report), cancellationToken);
                Dictionary<string, SafeTensor>? tuned = null;
                FineTuneRecord? fineTune = null;
                if (request.Options.FineTuneBlocks > 0)
                {
                    // Decoded once per run: every split of a fold protocol fine-tunes from the same frozen activations,
                    // and the first split's record counts the decoding time.
                    var decoding = TimeSpan.Zero;
                    if (activations is null)
                    {
                        activations = HeadFineTuner.Prepare(set, baseTensors, request.DataDirectory!, request.Options, p => observer?.FineTuneFileReady(split, p),
                            cancellationToken);
                        decoding = activations.Elapsed;
                    }

                    var outcome = HeadFineTuner.Tune(set, split, trained, baseTensors, request.DataDirectory!, activations, decoding, request.Options,
                        report => observer?.EpochDone(split, report), cancellationToken);
                    (tuned, trained, fineTune) = (outcome.Tuned, outcome.Result, outcome.Record);
                }

                var (gate, reason) = MusicGate(set, split.Train);
                var options = request.Options;
                var card = new ModelCard
                {
                    Kind = ModelKinds.AudioSetHead,
                    Architecture = AudioSetHeadKind.HeadArchitecture,
                    Genres = set.Mapping,
                    Source = $"a {options.Head} head trained by genre train on the window embeddings of {set.Mapping.Length} labels"
                        + (tuned is null ? string.Empty : $", fine-tuned together with features.{fineTune!.FirstFeature}-{EfficientAtLayout.LastFeature} of the network")
                        + $", on top of {baseCard.Source}",
                    License = baseCard.License,
                    DefaultWindow = set.WindowPolicy,
                    Head = new HeadParameters
                    {
                        Type = options.Head,
                        HiddenUnits = options.EffectiveHiddenUnits,
                        WeightDecay = options.WeightDecay,
                        Network = network,
                        MusicGate = gate,
                        MusicGateReason = reason,
                        FineTune = fineTune,
                    },
                    Training = new TrainingConfiguration
                    {
                        LearningRate = options.LearningRate,
                        BatchSize = options.BatchSize,
                        Epochs = options.Epochs,
                        EpochsRun = trained.History.Count,
                        BestEpoch = trained.BestEpoch,
                        Patience = options.Patience,
                        Seed = options.Seed,
                        Threads = options.Threads ?? Environment.ProcessorCount,
                        Device = "cpu",
                        Split = SplitNames.Of(request.Split),
                    },
                    Data = split.Fingerprint(sha256, request.FeaturesPath, set.Count, set.Files.Count),
                    SplitDescription = split.Description,
                    Metrics = trained.Metrics,
                    Temperature = trained.Temperature,
                    Calibration = trained.Calibration,
                    FittedClips = split.FittedClips(set.Tracks),
                    Created = DateTimeOffset.UtcNow,
                    Notes = request.Notes,
                };
                var directory = splits.Count == 1 ? request.OutputDirectory : Path.Combine(request.OutputDirectory, split.Name);
                Save(directory, card, baseTensors, tuned, trained.Head, request.BaseModelDirectory);
                var report = Path.Combine(directory, TrainingJob.ReportFolderName);
                EvaluationReportFiles.Write(report, trained.Test, trained.Temperature, trained.ToTrainingHistory());
                results.Add(new TrainedModel(directory, split, card, trained.History, report));
            }
        }
        finally
        {
            activations?.Dispose();
        }

        return results;
    }

    /// <summary>
    /// On unless a label's own training clips are mostly not music to the AudioSet network (the rule
    /// <see cref="MusicDetection"/> applies at prediction): then the user's taxonomy holds non-music sounds, and
    /// "not music" would hide a label.
    /// </summary>
    private static (bool Gate, string Reason) MusicGate(EmbeddingSet set, int[] train)
    {
        var music = new int[set.Mapping.Length];
        var clips = new int[set.Mapping.Length];
        foreach (var clip in train.Where(i => !set.Silent[i]).GroupBy(i => set.Tracks[i], StringComparer.Ordinal))
        {
            var label = (int)set.Labels[clip.First()];
            clips[label]++;
            var mean = new double[EmbeddingSet.AudioSetClasses];
            foreach (var row in clip)
            {
                for (var c = 0; c < mean.Length; c++)
                {
                    mean[c] += 1.0 / (1.0 + Math.Exp(-set.Logits[(row * EmbeddingSet.AudioSetClasses) + c]));
                }
            }

            var musicProbability = AudioSetClasses.MusicClasses.Max(c => mean[c]);
            var other = Enumerable.Range(0, mean.Length).Except(AudioSetClasses.MusicClasses).Max(c => mean[c]);
            music[label] += MusicDetection.IsMusic((float)musicProbability, (float)other) == true ? 1 : 0;
        }

        var notMusic = Enumerable.Range(0, set.Mapping.Length).Where(l => clips[l] > 0 && 2 * music[l] < clips[l]).ToList();
        return notMusic.Count == 0
            ? (true, "the training clips of every label are mostly heard as music by the AudioSet network, so input that is not music is answered as such")
            : (false, string.Join("; ", notMusic.Select(l => string.Create(CultureInfo.InvariantCulture,
                $"label {set.Mapping[l]}: {music[l]} of {clips[l]} training clips heard as music"))) + ", so the labels decide and nothing is answered as not music");
    }

    /// <summary>The folder, atomically: base network, fine-tuned copy (if any) and head in one weights file, the base's class names and licence, the card.</summary>
    private static void Save(string directory, ModelCard card, IReadOnlyDictionary<string, SafeTensor> network, IReadOnlyDictionary<string, SafeTensor>? tuned,
        EmbeddingHead head, string baseDirectory) =>
        ModelFolder.WriteAtomically(directory, temp =>
        {
            var tensors = new Dictionary<string, SafeTensor>(network, StringComparer.Ordinal);
            foreach (var (name, tensor) in head.Tensors().Concat(tuned ?? new Dictionary<string, SafeTensor>()))
            {
                tensors.Add(name, tensor);
            }

            using (var weights = new FileStream(Path.Combine(temp, ModelFolder.WeightsFileName), FileMode.CreateNew, FileAccess.Write))
            {
                SafeTensorsFile.Write(weights, tensors);
            }

            foreach (var file in CopiedFiles.Select(f => Path.Combine(baseDirectory, f)).Where(File.Exists))
            {
                File.Copy(file, Path.Combine(temp, Path.GetFileName(file)));
            }

            File.WriteAllText(Path.Combine(temp, ModelFolder.CardFileName), card.ToJson());
        });
}
