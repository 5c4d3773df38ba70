using Genre.Model;
using static TorchSharp.torch;

namespace Genre.Training.Augmentation;

/// <summary>
/// The spectrogram augmentations of one mini-batch (SpecAugment, then mixup), from a generator seeded by the
/// training seed, the epoch and the batch's index in it.
/// </summary>
internal sealed class BatchAugmentation(AugmentationSettings settings, int classes)
{
    public static BatchAugmentation? For(AugmentationSettings? settings, int classes) =>
        settings is not null && (settings.Has(AugmentationSettings.SpecAugment) || settings.Has(AugmentationSettings.Mixup))
            ? new BatchAugmentation(settings, classes)
            : null;

    /// <summary>The batch's inputs and, with mixup, its soft targets (null: the hard labels stand).</summary>
    public (Tensor Inputs, Tensor? Targets) Apply(Tensor x, Tensor y, int epoch, int batch)
    {
        var random = AugmentationSeed.Random(settings.Seed, AugmentationSeed.BatchStream, epoch, batch);
        if (settings.Has(AugmentationSettings.SpecAugment))
        {
            x = SpecAugment.Apply(x, SpecAugment.Masks((int)x.shape[0], (int)x.shape[2], (int)x.shape[3], settings, random));
        }

        if (!settings.Has(AugmentationSettings.Mixup))
        {
            return (x, null);
        }

        var (inputs, targets) = Mixup.Mix(x, y, classes, settings.MixupAlpha, random);
        return (inputs, targets);
    }
}
