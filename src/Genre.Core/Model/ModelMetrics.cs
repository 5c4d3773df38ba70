namespace Genre.Model;

/// <summary>What training measured, for the model card (accuracies are fractions in 0..1).</summary>
public sealed record ModelMetrics
{
    /// <summary>Mean cross-entropy over the training segments, as measured while training the kept epoch.</summary>
    public required double TrainLoss { get; init; }

    /// <summary>The fraction of training segments right, as measured while training the kept epoch.</summary>
    public required double TrainAccuracy { get; init; }

    /// <summary>Mean cross-entropy of the kept model on the validation segments, at T = 1.</summary>
    public required double ValidationLoss { get; init; }

    /// <summary>The fraction of validation segments the kept model gets right.</summary>
    public required double ValidationAccuracy { get; init; }

    /// <summary>Validation loss after temperature scaling.</summary>
    public required double CalibratedValidationLoss { get; init; }

    /// <summary>Expected calibration error (15 bins) of the validation segments at T = 1; T is fitted on this split.</summary>
    public double? ValidationEceBefore { get; init; }

    /// <summary>Validation ECE at the card's temperature.</summary>
    public double? ValidationEceAfter { get; init; }

    /// <summary>Per segment on the test split (held-out clips for the track, fault-filtered and artist splits).</summary>
    public double? TestAccuracy { get; init; }

    /// <summary>Per clip on the test split: the genre with the highest mean calibrated probability over the clip's segments.</summary>
    public double? TestClipAccuracy { get; init; }

    /// <summary>Unweighted mean over genres of the per-segment F1 on the test split.</summary>
    public double? TestMacroF1 { get; init; }

    /// <summary>Test-split ECE at T = 1: how over- or under-confident the raw softmax is on unseen data.</summary>
    public double? TestEceBefore { get; init; }

    /// <summary>Test-split ECE at the card's temperature (fitted on validation, so this is an honest held-out figure).</summary>
    public double? TestEceAfter { get; init; }

    /// <summary>Segments in the test split.</summary>
    public int TestSegments { get; init; }

    /// <summary>Clips in the test split.</summary>
    public int TestClips { get; init; }
}
