namespace Genre.Evaluation;

/// <summary>Calibration of top-class probabilities: reliability bins and the expected calibration error over them.</summary>
internal static class Calibration
{
    /// <summary>15 equal-width bins, as in Guo et al. and most ECE numbers reported for image and audio models.</summary>
    public const int DefaultBins = 15;

    /// <summary>
    /// ECE = sum over equal-width bins of (bin count / N) * |accuracy - confidence|, with confidence the top-class
    /// probability and accuracy whether that class was the label (Guo et al. 2017). 0 for an empty set.
    /// </summary>
    public static double ExpectedCalibrationError(float[] probabilities, long[] labels, int classes, int bins = DefaultBins)
    {
        return ExpectedCalibrationError(Reliability(probabilities, labels, classes, bins));
    }

    /// <summary>The same number from bins already computed (the report draws them too).</summary>
    public static double ExpectedCalibrationError(IReadOnlyList<ReliabilityBin> bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        var total = bins.Sum(b => b.Count);
        return total == 0 ? 0 : bins.Sum(b => (double)b.Count / total * b.Gap);
    }

    /// <summary>All <paramref name="bins"/> bins over [0, 1], empty ones included (Count 0, Confidence and Accuracy 0).</summary>
    public static ReliabilityBin[] Reliability(float[] probabilities, long[] labels, int classes, int bins = DefaultBins)
    {
        ClassRows.CheckShapes(probabilities, labels, classes);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var counts = new int[bins];
        var confidence = new double[bins];
        var correct = new int[bins];
        for (var i = 0; i < labels.Length; i++)
        {
            var row = probabilities.AsSpan(i * classes, classes);
            var predicted = ClassRows.ArgMax(row);
            var top = (double)row[predicted];
            // Bins are (lower, upper] as in the usual ECE code; a confidence of exactly 0 joins the first bin.
            var bin = Math.Clamp((int)Math.Ceiling(top * bins) - 1, 0, bins - 1);
            counts[bin]++;
            confidence[bin] += top;
            correct[bin] += predicted == labels[i] ? 1 : 0;
        }

        var result = new ReliabilityBin[bins];
        for (var b = 0; b < bins; b++)
        {
            var n = counts[b];
            result[b] = new ReliabilityBin(
                (double)b / bins,
                (double)(b + 1) / bins,
                n,
                n == 0 ? 0 : confidence[b] / n,
                n == 0 ? 0 : (double)correct[b] / n);
        }

        return result;
    }
}
