namespace Genre.Training;

/// <summary>
/// The single place training calibrates: the temperature T minimising the validation NLL of softmax(logits / T).
/// Genre.Evaluation.TemperatureScaling.Fit (issue 4b) does the same; once merged, this call goes to it.
/// </summary>
internal static class TemperatureFit
{
    public static float Fit(float[] logits, long[] labels, int classes)
    {
        // NLL is convex in 1/T, so a golden-section search over 1/T finds the optimum.
        double lo = 1.0 / 20, hi = 1.0 / 0.05;
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var i = 0; i < 100 && hi - lo > 1e-6; i++)
        {
            var a = hi - (ratio * (hi - lo));
            var b = lo + (ratio * (hi - lo));
            if (Nll(logits, labels, classes, a) <= Nll(logits, labels, classes, b))
            {
                hi = b;
            }
            else
            {
                lo = a;
            }
        }

        return (float)(2 / (lo + hi));
    }

    /// <summary>Mean cross-entropy of softmax(<paramref name="inverseTemperature"/> * logits).</summary>
    public static double Nll(float[] logits, long[] labels, int classes, double inverseTemperature)
    {
        double total = 0;
        for (var n = 0; n < labels.Length; n++)
        {
            var row = logits.AsSpan(n * classes, classes);
            double max = double.NegativeInfinity;
            foreach (var z in row)
            {
                max = Math.Max(max, inverseTemperature * z);
            }

            double sum = 0;
            foreach (var z in row)
            {
                sum += Math.Exp((inverseTemperature * z) - max);
            }

            total += max + Math.Log(sum) - (inverseTemperature * row[(int)labels[n]]);
        }

        return labels.Length == 0 ? 0 : total / labels.Length;
    }
}
