using System.Text.Json.Serialization;

namespace Genre.Evaluation;

/// <summary>
/// Everything an evaluation found: scores for segments and for clips (mean of segment probabilities), calibration
/// before and after temperature scaling, and the genre pairs confused most often among segments. The flat properties
/// are the headline numbers; they come first in metrics.json.
/// </summary>
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
    [JsonPropertyOrder(-10)]
    public int SegmentCount => Segment.Count;

    [JsonPropertyOrder(-9)]
    public int ClipCount => Clip.Count;

    [JsonPropertyOrder(-8)]
    public double SegmentAccuracy => Segment.Accuracy;

    [JsonPropertyOrder(-7)]
    public double ClipAccuracy => Clip.Accuracy;

    [JsonPropertyOrder(-6)]
    public double MacroF1 => Segment.MacroAverage.F1;

    [JsonPropertyOrder(-5)]
    public double WeightedF1 => Segment.WeightedAverage.F1;

    [JsonPropertyOrder(-4)]
    public double ClipMacroF1 => Clip.MacroAverage.F1;

    [JsonPropertyOrder(-3)]
    public double ClipWeightedF1 => Clip.WeightedAverage.F1;
}
