namespace Genre.Evaluation;

/// <summary>
/// One confidence bin (Lower, Upper]: how many predictions fell in it, their mean top-class probability and the
/// fraction of them that were right. A calibrated model has Accuracy close to Confidence in every bin.
/// </summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double Confidence, double Accuracy)
{
    public double Gap => Math.Abs(Accuracy - Confidence);
}
