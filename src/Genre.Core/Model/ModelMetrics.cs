namespace Genre.Model;

/// <summary>What training measured, for the model card (accuracies are fractions in 0..1).</summary>
public sealed record ModelMetrics
{
    public required double TrainLoss { get; init; }

    public required double TrainAccuracy { get; init; }

    public required double ValidationLoss { get; init; }

    public required double ValidationAccuracy { get; init; }

    /// <summary>Validation loss after temperature scaling.</summary>
    public required double CalibratedValidationLoss { get; init; }

    /// <summary>Per segment on the test split; null when the split has no test part.</summary>
    public double? TestAccuracy { get; init; }

    /// <summary>Per clip on the test split: the genre with the highest mean probability over the clip's segments.</summary>
    public double? TestClipAccuracy { get; init; }

    public int TestSegments { get; init; }

    public int TestClips { get; init; }
}
