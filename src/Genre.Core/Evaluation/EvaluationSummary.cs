using System.Text.Json.Serialization;

namespace Genre.Evaluation;

/// <summary>
/// Everything an evaluation found: scores for segments and for clips (mean of segment probabilities), calibration
/// before and after temperature scaling, and the genre pairs confused most often among segments. The flat properties
/// are the headline numbers; they come first in metrics.json.
/// </summary>
/// <param name="Segment">Scores of every segment's prediction (the argmax of its logits).</param>
/// <param name="Clip">Scores of every clip's prediction (the mean of its non-silent segments' calibrated probabilities).</param>
/// <param name="Temperature">The temperature the "after" figures and clip predictions use.</param>
/// <param name="EceBefore">Expected calibration error of the segments at temperature 1 (15 bins).</param>
/// <param name="EceAfter">Expected calibration error of the segments at <paramref name="Temperature"/>.</param>
/// <param name="TopConfusedPairs">The genre pairs segments confuse most, most frequent first.</param>
/// <param name="ReliabilityBefore">The reliability diagram's bins at temperature 1.</param>
/// <param name="ReliabilityAfter">The reliability diagram's bins at <paramref name="Temperature"/>.</param>
public sealed record EvaluationSummary(
    ClassificationScores Segment,
    ClassificationScores Clip,
    float Temperature,
    double EceBefore,
    double EceAfter,
    IReadOnlyList<ConfusedPair> TopConfusedPairs,
    IReadOnlyList<ReliabilityBin> ReliabilityBefore,
    IReadOnlyList<ReliabilityBin> ReliabilityAfter)
{
    /// <summary>Segments scored.</summary>
    [JsonPropertyOrder(-10)]
    public int SegmentCount => Segment.Count;

    /// <summary>Clips scored.</summary>
    [JsonPropertyOrder(-9)]
    public int ClipCount => Clip.Count;

    /// <summary>The fraction of segments predicted right.</summary>
    [JsonPropertyOrder(-8)]
    public double SegmentAccuracy => Segment.Accuracy;

    /// <summary>The fraction of clips predicted right: the figure closest to what a user of <c>genre predict</c> sees.</summary>
    [JsonPropertyOrder(-7)]
    public double ClipAccuracy => Clip.Accuracy;

    /// <summary>The unweighted mean over genres of the segments' F1.</summary>
    [JsonPropertyOrder(-6)]
    public double MacroF1 => Segment.MacroAverage.F1;

    /// <summary>The support-weighted mean over genres of the segments' F1.</summary>
    [JsonPropertyOrder(-5)]
    public double WeightedF1 => Segment.WeightedAverage.F1;

    /// <summary>The unweighted mean over genres of the clips' F1.</summary>
    [JsonPropertyOrder(-4)]
    public double ClipMacroF1 => Clip.MacroAverage.F1;

    /// <summary>The support-weighted mean over genres of the clips' F1.</summary>
    [JsonPropertyOrder(-3)]
    public double ClipWeightedF1 => Clip.WeightedAverage.F1;
}
