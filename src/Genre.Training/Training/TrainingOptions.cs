using Genre.Kinds;
using Genre.Model;

namespace Genre.Training;

/// <summary>The training hyper-parameters; the defaults are the original system's.</summary>
public sealed record TrainingOptions
{
    /// <summary>Epochs to train at most (fewer with <see cref="Patience"/>).</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Segments per mini-batch.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 0.001;

    /// <summary>The seed of the initial weights, the split, the batch order and the augmentations.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Torch's intra-op threads; results are reproducible for a given seed and thread count.</summary>
    public int? Threads { get; init; }

    /// <summary>"cpu" or "cuda".</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Stop after this many epochs without a better validation loss; null trains all epochs.</summary>
    public int? Patience { get; init; }

    /// <summary>The kind of network to train (<see cref="TrainableNetworks.Kinds"/>).</summary>
    public string Kind { get; init; } = ModelKinds.MfccCnn;

    /// <summary>On-the-fly augmentation; null trains on the features as they are (the original protocol).</summary>
    public AugmentationSettings? Augmentation { get; init; }

    /// <summary><see cref="Threads"/>, or one per core when it is null.</summary>
    public int EffectiveThreads => Threads ?? Environment.ProcessorCount;

    /// <summary>Refuses values that cannot train, with the option's command-line name.</summary>
    public void Validate()
    {
        static void Require(bool ok, string message)
        {
            if (!ok)
            {
                throw new TrainingException(message);
            }
        }

        Require(Epochs >= 1, $"--epochs must be at least 1 (got {Epochs})");
        Require(BatchSize >= 1, $"--batch-size must be at least 1 (got {BatchSize})");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), $"--lr must be a positive number (got {LearningRate})");
        Require(Threads is null or >= 1, $"--threads must be at least 1 (got {Threads})");
        Require(Patience is null or >= 1, $"--patience must be at least 1 (got {Patience})");
        Require(Device is "cpu" or "cuda", $"--device must be cpu or cuda (got '{Device}')");
        Require(TrainableNetworks.Kinds.Contains(Kind), $"--kind must be one of {string.Join(", ", TrainableNetworks.Kinds)} (got '{Kind}')");
        if (Augmentation is { } a)
        {
            var unknown = a.Transforms.Where(t => !AugmentationSettings.AllTransforms.Contains(t)).ToList();
            Require(unknown.Count == 0, $"--augment: unknown transform(s) {string.Join(", ", unknown)}; use {string.Join(",", AugmentationSettings.AllTransforms)}");
            Require(a.MixupAlpha > 0 && double.IsFinite(a.MixupAlpha), $"mixup alpha must be positive (got {a.MixupAlpha})");
            Require(double.IsFinite(a.NoiseSnrDb), $"--snr must be a number (got {a.NoiseSnrDb})");
            Require(a.WaveformProbability is > 0 and <= 1, $"--augment-p must be in (0, 1] (got {a.WaveformProbability})");
            Require(a.StretchRange is >= 0 and < 0.5, $"the stretch range must be in [0, 0.5) (got {a.StretchRange})");
            Require(a.TimeMaskFrames is >= 0 and <= CnnLayout.Frames && a.CoefficientMaskWidth is >= 0 and <= CnnLayout.Coefficients,
                "SpecAugment mask widths must fit the segment");
        }
    }
}
