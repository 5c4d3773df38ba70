using Genre.Data;
using Genre.Evaluation;
using Genre.Model;
using Genre.Training.Augmentation;
using Genre.Training.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Genre.Training;

/// <summary>
/// Trains a network of the options' kind (<see cref="GenreCnn"/>, the CRNN) as the original did: Adam, cross-entropy,
/// shuffled mini-batches; keeps the epoch with the lowest validation loss. Reproducible for a given seed and thread
/// count: torch's generator seeds the initial weights and dropout, System.Random(seed) the batch order, and
/// <see cref="Augmentation.AugmentationSeed"/> every augmentation. Augmentation touches the training part only;
/// validation and test are the feature file's segments as they are.
/// </summary>
internal static class Trainer
{
    // Torch's random generator and thread count are process-wide: one training at a time keeps runs reproducible.
    internal static readonly Lock TorchState = new();

    private const int EvaluationBatch = 1024;

    /// <summary>Trains on <paramref name="split"/>'s training part; <paramref name="audio"/> (the decoded clips) is needed when a waveform augmentation is on.</summary>
    public static TrainingResult Train(FeatureSet features, DataSplit split, TrainingOptions options,
        Action<EpochReport>? onEpoch = null, CancellationToken cancellationToken = default, TrainingAudio? audio = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        RequireNonEmpty(split);
        // Every augmentation seed derives from the training seed, whoever built the settings.
        options = options with { Augmentation = options.Augmentation is { } a ? a with { Seed = options.Seed } : null };
        lock (TorchState)
        {
            var device = ResolveDevice(options.Device);
            set_num_threads(options.EffectiveThreads);
            manual_seed(options.Seed);
            using var data = new SplitTensors(features, split, device);
            var waveforms = WaveformAugmentation.For(options.Augmentation, features, split, audio, options.EffectiveThreads);
            var model = TrainableNetworks.Create(options.Kind, features.Mapping.Length);
            try
            {
                model.to(device);
                var (history, best) = Fit(model, data, waveforms, features.Mapping.Length, options, onEpoch, cancellationToken);
                var (metrics, temperature, test) = Measure(model, data, features, split, history[best - 1]);
                return new TrainingResult(model, history, best, temperature, metrics, test);
            }
            catch
            {
                model.Dispose();
                throw;
            }
        }
    }

    /// <summary>Eval-mode loss, accuracy and logits (row-major, N x classes) of <paramref name="x"/>.</summary>
    public static (double Loss, double Accuracy, float[] Logits) Evaluate(nn.Module<Tensor, Tensor> model, Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        model.eval();
        using var scope = NewDisposeScope();
        var logits = BatchedScoring.Logits(x.shape[0], EvaluationBatch, (start, count) => model.call(x.narrow(0, start, count)));
        var (loss, accuracy) = BatchedScoring.LossAndAccuracy(logits, y);
        return (loss, accuracy, logits.cpu().data<float>().ToArray());
    }

    private static (List<EpochReport> History, int BestEpoch) Fit(nn.Module<Tensor, Tensor> model, SplitTensors data, WaveformAugmentation? waveforms,
        int classes, TrainingOptions options, Action<EpochReport>? onEpoch, CancellationToken cancellationToken)
    {
        using var optimizer = new SafeAdam(model.parameters(), options.LearningRate);
        var epochs = new EpochTrainer(model, optimizer, data.TrainY, options.BatchSize, BatchAugmentation.For(options.Augmentation, classes));
        var random = new Random(options.Seed);
        var order = Enumerable.Range(0, (int)data.TrainX.shape[0]).Select(i => (long)i).ToArray();
        Dictionary<string, Tensor>? best = null;
        try
        {
            var (history, bestEpoch) = BestEpochLoop.Run(options.Epochs, options.Patience, double.PositiveInfinity, epoch =>
            {
                random.Shuffle(order);
                var (trainLoss, trainAccuracy) = Run(epochs, data, waveforms, order, epoch, cancellationToken);
                var (validationLoss, validationAccuracy, _) = Evaluate(model, data.ValidationX, data.ValidationY);
                return (trainLoss, trainAccuracy, validationLoss, validationAccuracy);
            }, _ =>
            {
                DisposeAll(best);
                best = model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());
            }, onEpoch, cancellationToken);

            if (best is not null)
            {
                using var noGrad = no_grad();
                foreach (var (name, tensor) in model.state_dict())
                {
                    tensor.copy_(best[name]);
                }
            }

            return (history, bestEpoch);
        }
        finally
        {
            DisposeAll(best);
        }
    }

    /// <summary>One epoch over the feature file's training segments, or over this epoch's augmented copies of the clips.</summary>
    private static (double Loss, double Accuracy) Run(EpochTrainer epochs, SplitTensors data, WaveformAugmentation? waveforms, long[] order, int epoch,
        CancellationToken cancellationToken)
    {
        if (waveforms is null)
        {
            return epochs.Run(data.TrainX, order, epoch, cancellationToken);
        }

        using var augmented = tensor(waveforms.Features(epoch, cancellationToken), data.TrainX.shape, device: data.TrainX.device);
        return epochs.Run(augmented, order, epoch, cancellationToken);
    }

    /// <summary>
    /// Calibrates on the validation part (T minimising its NLL) and scores the kept model on validation and test with
    /// <see cref="EvaluationReport.Compute"/>, so the card's figures are the ones the written report shows.
    /// </summary>
    private static (ModelMetrics Metrics, float Temperature, EvaluationInput Test) Measure(nn.Module<Tensor, Tensor> model, SplitTensors data, FeatureSet features,
        DataSplit split, EpochReport best)
    {
        var classes = features.Mapping.Length;
        var (validationLoss, validationAccuracy, validationLogits) = Evaluate(model, data.ValidationX, data.ValidationY);
        var (_, _, testLogits) = Evaluate(model, data.TestX, data.TestY);
        if (!double.IsFinite(validationLoss) || !validationLogits.All(float.IsFinite) || !testLogits.All(float.IsFinite))
        {
            throw new TrainingException("training diverged: the model outputs NaN or infinity; try a lower --lr");
        }

        var temperature = TemperatureScaling.Fit(validationLogits, data.ValidationLabels, classes);
        var validation = EvaluationReport.Compute(new EvaluationInput(features.Mapping, validationLogits, data.ValidationLabels, Tracks(features, split.Validation)) { Silent = Silent(features, split.Validation) }, temperature);
        var testInput = new EvaluationInput(features.Mapping, testLogits, data.TestLabels, Tracks(features, split.Test)) { Silent = Silent(features, split.Test) };
        var test = EvaluationReport.Compute(testInput, temperature);
        var metrics = new ModelMetrics
        {
            TrainLoss = best.TrainLoss,
            TrainAccuracy = best.TrainAccuracy,
            ValidationLoss = validationLoss,
            ValidationAccuracy = validationAccuracy,
            CalibratedValidationLoss = TemperatureScaling.NegativeLogLikelihood(validationLogits, data.ValidationLabels, classes, temperature),
            ValidationEceBefore = validation.EceBefore,
            ValidationEceAfter = validation.EceAfter,
            TestAccuracy = test.SegmentAccuracy,
            TestClipAccuracy = test.ClipAccuracy,
            TestMacroF1 = test.MacroF1,
            TestEceBefore = test.EceBefore,
            TestEceAfter = test.EceAfter,
            TestSegments = test.SegmentCount,
            TestClips = test.ClipCount,
        };
        return (metrics, temperature, testInput);
    }

    private static string[] Tracks(FeatureSet features, int[] indices) => [.. indices.Select(i => features.Tracks[i])];

    private static bool[] Silent(FeatureSet features, int[] indices) => [.. indices.Select(i => features.Silent[i])];

    private static void RequireNonEmpty(DataSplit split)
    {
        foreach (var (part, indices) in new[] { ("train", split.Train), ("validation", split.Validation), ("test", split.Test) })
        {
            if (indices.Length == 0)
            {
                throw new DatasetException(null, $"the {part} part of the '{split.Name}' split is empty: {split.Description}");
            }
        }
    }

    private static Device ResolveDevice(string name)
    {
        if (name == "cuda" && !cuda.is_available())
        {
            throw new TrainingException("--device cuda: CUDA is not available here (no GPU, or a CPU-only libtorch); use --device cpu");
        }

        return name == "cuda" ? CUDA : CPU;
    }

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        foreach (var t in tensors?.Values ?? Enumerable.Empty<Tensor>())
        {
            t.Dispose();
        }
    }
}
