using Genre.Kinds.AudioSet;
using Genre.Kinds.AudioSetHead;

namespace Genre.Training.Head;

/// <summary>
/// How a head is trained on window embeddings: Adam on mini-batches with an L2 penalty on the weights, keeping the
/// epoch with the lowest validation loss. The defaults were chosen on the GTZAN sample's training and validation clips
/// (README, "Your own genres").
/// </summary>
public sealed record HeadTrainingOptions
{
    /// <summary><c>logistic</c> or <c>mlp</c>.</summary>
    public string Head { get; init; } = EmbeddingHead.Logistic;

    /// <summary>Hidden units of the MLP (unused by logistic regression).</summary>
    public int HiddenUnits { get; init; } = 128;

    /// <summary>Epochs to train at most (fewer with <see cref="Patience"/>).</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Windows per mini-batch.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 0.001;

    /// <summary>L2 penalty on the weights, added to the mean cross-entropy.</summary>
    public double WeightDecay { get; init; } = 0.001;

    /// <summary>The seed of the split, the MLP's initial weights and the batch order.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Recorded in the card; the head trains on one thread, so any thread count gives the same model.</summary>
    public int? Threads { get; init; }

    /// <summary>Stop after this many epochs without a better validation loss; null trains all epochs.</summary>
    public int? Patience { get; init; }

    /// <summary>
    /// How many of the AudioSet network's last feature blocks to fine-tune with the head after it is trained on the
    /// frozen embeddings (<c>--fine-tune</c>): 2 trains features.15 (the last inverted residual) and features.16 (the
    /// convolution before the pooling); 0 (the default) keeps the network frozen. Needs the audio
    /// (<see cref="HeadTrainingRequest.DataDirectory"/>).
    /// </summary>
    public int FineTuneBlocks { get; init; }

    /// <summary>The blocks to fine-tune when asked without a count: features.15 and features.16 (README, "Your own genres").</summary>
    public const int DefaultFineTuneBlocks = 2;

    /// <summary>Fine-tuning epochs at most; the one with the lowest validation loss is kept, or none if none beats the frozen head.</summary>
    public int FineTuneEpochs { get; init; } = 15;

    /// <summary>Adam's learning rate for fine-tuning, for the blocks and the head alike.</summary>
    public double FineTuneLearningRate { get; init; } = 0.0001;

    /// <summary>
    /// Mixup's Beta(alpha, alpha) in fine-tuning (<c>--augment mixup</c>), on the frozen part's activations and the
    /// targets of each mini-batch; null for none. Fine-tuning's epochs start from activations of the clips as they are,
    /// so waveform transforms and SpecAugment, which act on the audio and the mel input, do not apply to it.
    /// </summary>
    public double? FineTuneMixupAlpha { get; init; }

    /// <summary>The first feature block fine-tuning trains (17 - <see cref="FineTuneBlocks"/>); null without fine-tuning.</summary>
    public int? FineTuneFirstFeature => FineTuneBlocks > 0 ? EfficientAtLayout.LastFeature + 1 - FineTuneBlocks : null;

    /// <summary>The hidden units the head has: <see cref="HiddenUnits"/> for an MLP, 0 for logistic regression (as the card records it).</summary>
    public int EffectiveHiddenUnits => Head == EmbeddingHead.Mlp ? HiddenUnits : 0;

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

        Require(Head is EmbeddingHead.Logistic or EmbeddingHead.Mlp, $"--head must be {EmbeddingHead.Logistic} or {EmbeddingHead.Mlp} (got '{Head}')");
        Require(HiddenUnits >= 1, $"--hidden must be at least 1 (got {HiddenUnits})");
        Require(Epochs >= 1, $"--epochs must be at least 1 (got {Epochs})");
        Require(BatchSize >= 1, $"--batch-size must be at least 1 (got {BatchSize})");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), $"--lr must be a positive number (got {LearningRate})");
        Require(WeightDecay >= 0 && double.IsFinite(WeightDecay), $"--weight-decay must be 0 or more (got {WeightDecay})");
        Require(Threads is null or >= 1, $"--threads must be at least 1 (got {Threads})");
        Require(Patience is null or >= 1, $"--patience must be at least 1 (got {Patience})");
        Require(FineTuneBlocks >= 0 && FineTuneBlocks <= EfficientAtLayout.LastFeature,
            $"--fine-tune-blocks must be from 1 to {EfficientAtLayout.LastFeature} (got {FineTuneBlocks})");
        Require(FineTuneMixupAlpha is null || (FineTuneMixupAlpha > 0 && double.IsFinite(FineTuneMixupAlpha.Value)),
            $"mixup alpha must be positive (got {FineTuneMixupAlpha})");
        Require(FineTuneMixupAlpha is null || FineTuneBlocks > 0, "--augment mixup for an audioset-head applies to fine-tuning: add --fine-tune");
        Require(FineTuneEpochs >= 1, $"--fine-tune-epochs must be at least 1 (got {FineTuneEpochs})");
        Require(FineTuneLearningRate > 0 && double.IsFinite(FineTuneLearningRate), $"--fine-tune-lr must be a positive number (got {FineTuneLearningRate})");
    }
}
