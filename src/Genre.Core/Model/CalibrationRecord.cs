namespace Genre.Model;

/// <summary>
/// How a model's genre probabilities were calibrated, for the model card: the rule, what it was fitted on, and what
/// it measured before and after on clips it was not fitted on.
/// </summary>
public sealed record CalibrationRecord
{
    /// <summary><c>temperature</c> or <c>temperature+bias</c>: probabilities are softmax(logits / T + b).</summary>
    public required string Method { get; init; }

    /// <summary>The clips the calibration was fitted on, in words (their names are in the card's fitted clips).</summary>
    public required string FittedOn { get; init; }

    /// <summary>Why this method: the cross-validated figures it was chosen by (never the held-out clips').</summary>
    public string? Selection { get; init; }

    /// <summary>The clips the figures below were measured on, in words.</summary>
    public string? HeldOut { get; init; }

    /// <summary>The held-out clips' figures with raw probabilities (temperature 1, no bias); null when none was held out.</summary>
    public ClipMetrics? Before { get; init; }

    /// <summary>The held-out clips' figures with the fitted calibration; null when none was held out.</summary>
    public ClipMetrics? After { get; init; }
}
