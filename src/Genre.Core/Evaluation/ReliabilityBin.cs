namespace Genre.Evaluation;

/// <summary>
/// One confidence bin (Lower, Upper]: how many predictions fell in it, their mean top-class probability and the
/// fraction of them that were right. A calibrated model has Accuracy close to Confidence in every bin.
/// </summary>
/// <param name="Lower">The bin's lower bound (exclusive) on the top-class probability.</param>
/// <param name="Upper">The bin's upper bound (inclusive).</param>
/// <param name="Count">Predictions whose top-class probability fell in the bin.</param>
/// <param name="Confidence">Their mean top-class probability.</param>
/// <param name="Accuracy">The fraction of them that were right.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double Confidence, double Accuracy)
{
    /// <summary>How far the bin's accuracy is from its confidence: its share of the calibration error.</summary>
    public double Gap => Math.Abs(Accuracy - Confidence);
}
