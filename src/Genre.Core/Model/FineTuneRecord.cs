namespace Genre.Model;

/// <summary>
/// What <c>genre train --kind audioset-head --fine-tune</c> did after training the head on the frozen embeddings: which
/// of the AudioSet network's last feature blocks it trained together with the head, on which audio, how, and whether
/// it beat the frozen head on the validation clips (if not, the folder keeps the frozen head and no tuned copy).
/// </summary>
public sealed record FineTuneRecord
{
    /// <summary>The first feature block trained: features.<c>FirstFeature</c> ... features.16 (the last block is 16, the 1x1 convolution before the pooling).</summary>
    public required int FirstFeature { get; init; }

    /// <summary>Epochs asked for.</summary>
    public required int Epochs { get; init; }

    /// <summary>The epoch kept (lowest validation loss); 0 when no epoch beat the frozen head, which is then kept.</summary>
    public required int BestEpoch { get; init; }

    /// <summary>Adam's learning rate for the blocks and the head.</summary>
    public required double LearningRate { get; init; }

    /// <summary>Mixup's alpha on the activations and targets of each mini-batch (<c>--augment mixup</c>); null for none.</summary>
    public double? MixupAlpha { get; init; }

    /// <summary>The frozen head's validation loss (mean cross-entropy over the audible validation windows).</summary>
    public required double ValidationLossBefore { get; init; }

    /// <summary>The kept model's validation loss, on the same windows.</summary>
    public required double ValidationLossAfter { get; init; }

    /// <summary>The dataset folder the windows were decoded from again (the embeddings' files).</summary>
    public required string Data { get; init; }

    /// <summary>Seconds for decoding, the frozen part's activations and every fine-tuning epoch.</summary>
    public double Seconds { get; init; }
}
