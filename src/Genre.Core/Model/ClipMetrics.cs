namespace Genre.Model;

/// <summary>Clip-level figures of a set of clips (fractions in 0..1), for model cards and evaluation summaries.</summary>
public sealed record ClipMetrics
{
    /// <summary>Clips measured.</summary>
    public required int Clips { get; init; }

    /// <summary>The fraction of clips whose verdict is their genre.</summary>
    public required double Accuracy { get; init; }

    /// <summary>The unweighted mean over genres of the clips' F1.</summary>
    public required double MacroF1 { get; init; }

    /// <summary>Expected calibration error of the clip probabilities, 15 bins.</summary>
    public required double Ece { get; init; }

    /// <summary>Mean negative log-likelihood of the true genre.</summary>
    public double? LogLoss { get; init; }
}
