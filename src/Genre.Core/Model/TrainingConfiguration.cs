namespace Genre.Model;

/// <summary>How a model was trained, recorded in its card so a run can be repeated.</summary>
public sealed record TrainingConfiguration
{
    public string Optimizer { get; init; } = "adam";

    public required double LearningRate { get; init; }

    public required int BatchSize { get; init; }

    /// <summary>Epochs asked for.</summary>
    public required int Epochs { get; init; }

    /// <summary>Epochs run: fewer than <see cref="Epochs"/> when early stopping ended the run.</summary>
    public required int EpochsRun { get; init; }

    /// <summary>The epoch whose weights were kept (best validation loss), 1-based.</summary>
    public required int BestEpoch { get; init; }

    public int? Patience { get; init; }

    public required int Seed { get; init; }

    public required int Threads { get; init; }

    public required string Device { get; init; }

    /// <summary>The split scheme: segment, track, fault-filtered or artist-3fold.</summary>
    public required string Split { get; init; }

    public string Loss { get; init; } = "cross_entropy";
}
