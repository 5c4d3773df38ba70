using Genre.Evaluation;

namespace Genre.Core.Tests.Evaluation;

/// <summary>Logits with labels drawn from their own softmax: a perfectly calibrated model, by construction.</summary>
internal static class SyntheticLogits
{
    public static (float[] Logits, long[] Labels) Calibrated(int rows, int classes, double scale, int seed)
    {
        var random = new Random(seed);
        var logits = new float[rows * classes];
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = (float)(scale * Gaussian(random));
        }

        var probabilities = TemperatureScaling.Softmax(logits, classes);
        var labels = new long[rows];
        for (var r = 0; r < rows; r++)
        {
            var u = random.NextDouble();
            var c = 0;
            for (var cumulative = probabilities[r * classes]; c < classes - 1 && u >= cumulative; cumulative += probabilities[(r * classes) + ++c])
            {
            }

            labels[r] = c;
        }

        return (logits, labels);
    }

    public static float[] Scaled(float[] logits, float factor) => [.. logits.Select(z => z * factor)];

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
