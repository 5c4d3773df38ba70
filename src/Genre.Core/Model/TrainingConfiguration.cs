namespace Genre.Model;

/// <summary>How a model was trained, recorded in its card so a run can be repeated.</summary>
public sealed record TrainingConfiguration
{
    /// <summary>The optimiser's name (<c>adam</c>).</summary>
    public string Optimizer { get; init; } = "adam";

    /// <summary>The optimiser's learning rate.</summary>
    public required double LearningRate { get; init; }

    /// <summary>Segments (or windows) per mini-batch.</summary>
    public required int BatchSize { get; init; }

    /// <summary>Epochs asked for.</summary>
    public required int Epochs { get; init; }

    /// <summary>Epochs run: fewer than <see cref="Epochs"/> when early stopping ended the run.</summary>
    public required int EpochsRun { get; init; }

    /// <summary>The epoch whose weights were kept (best validation loss), 1-based.</summary>
    public required int BestEpoch { get; init; }

    /// <summary>The early-stopping patience: epochs without a better validation loss that end training; null for none.</summary>
    public int? Patience { get; init; }

    /// <summary>The seed of the initial weights, the split, the batch order and the augmentations.</summary>
    public required int Seed { get; init; }

    /// <summary>The thread count training was given; a CNN run repeats exactly with the same seed and thread count.</summary>
    public required int Threads { get; init; }

    /// <summary>Where the network was trained: <c>cpu</c> or <c>cuda</c>.</summary>
    public required string Device { get; init; }

    /// <summary>The split scheme: segment, track, fault-filtered or artist-3fold.</summary>
    public required string Split { get; init; }

    /// <summary>The training loss's name (<c>cross_entropy</c>).</summary>
    public string Loss { get; init; } = "cross_entropy";
}
