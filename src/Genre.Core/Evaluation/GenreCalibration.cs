namespace Genre.Evaluation;

/// <summary>
/// Calibrated genre probabilities softmax(z / T + b) from window logits z: a temperature T (Guo et al. 2017) and,
/// where it earns its place, a per-genre bias b (vector scaling restricted to a shared scale). Both are fitted by
/// minimising the negative log-likelihood, which is convex in (1/T, b). Hand-written: the problem has 1 + classes
/// parameters, and no library here fits it.
/// </summary>
internal static class GenreCalibration
{
    /// <summary>Row-wise softmax(logits / T + bias); no bias is the plain temperature softmax.</summary>
    public static float[] Probabilities(float[] logits, int classes, float temperature, IReadOnlyList<float>? bias)
    {
        if (bias is null)
        {
            return TemperatureScaling.Softmax(logits, classes, temperature);
        }

        ArgumentNullException.ThrowIfNull(logits);
        if (bias.Count != classes)
        {
            throw new ArgumentException($"{bias.Count} biases for {classes} classes.", nameof(bias));
        }

        var shifted = new float[logits.Length];
        for (var i = 0; i < logits.Length; i++)
        {
            shifted[i] = (logits[i] / temperature) + bias[i % classes];
        }

        return TemperatureScaling.Softmax(shifted, classes);
    }

    /// <summary>Mean cross-entropy of <see cref="Probabilities"/> against <paramref name="labels"/>.</summary>
    public static double NegativeLogLikelihood(float[] logits, long[] labels, int classes, float temperature, IReadOnlyList<float>? bias)
    {
        ClassRows.CheckShapes(logits, labels, classes);
        var p = Probabilities(logits, classes, temperature, bias);
        double total = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            total -= Math.Log(Math.Max(p[(i * classes) + (int)labels[i]], 1e-12));
        }

        return labels.Length == 0 ? 0 : total / labels.Length;
    }

    /// <summary>
    /// Fits T and b jointly by gradient descent with backtracking (Armijo) on the convex NLL in (beta = 1/T, b),
    /// b's mean held at 0 (a shared shift changes nothing). <paramref name="l2"/> shrinks b towards 0, so a genre
    /// seen in few clips cannot be pushed far. Deterministic for a given input.
    /// </summary>
    public static (float Temperature, float[] Bias) FitWithBias(float[] logits, long[] labels, int classes, double l2 = 1e-3)
    {
        ClassRows.CheckShapes(logits, labels, classes);
        var n = labels.Length;
        if (n == 0)
        {
            return (1f, new float[classes]);
        }

        var beta = 1.0 / TemperatureScaling.Fit(logits, labels, classes);
        var bias = new double[classes];
        var loss = Objective(logits, labels, classes, beta, bias, l2, out var gBeta, out var gBias);
        var step = 1.0;
        for (var iteration = 0; iteration < 5000; iteration++)
        {
            var norm = (gBeta * gBeta) + gBias.Sum(g => g * g);
            if (norm < 1e-14)
            {
                break;
            }

            var improved = false;
            for (var tries = 0; tries < 60; tries++)
            {
                var nextBeta = Math.Clamp(beta - (step * gBeta), 1.0 / TemperatureScaling.MaxTemperature, 1.0 / TemperatureScaling.MinTemperature);
                var nextBias = bias.Select((b, c) => b - (step * gBias[c])).ToArray();
                var mean = nextBias.Average();
                for (var c = 0; c < classes; c++)
                {
                    nextBias[c] -= mean;
                }

                var nextLoss = Objective(logits, labels, classes, nextBeta, nextBias, l2, out var nextGBeta, out var nextGBias);
                if (nextLoss <= loss - (1e-4 * step * norm))
                {
                    (beta, bias, loss, gBeta, gBias) = (nextBeta, nextBias, nextLoss, nextGBeta, nextGBias);
                    step *= 2;
                    improved = true;
                    break;
                }

                step /= 2;
            }

            if (!improved)
            {
                break;
            }
        }

        return ((float)(1.0 / beta), [.. bias.Select(b => (float)b)]);
    }

    /// <summary>Mean NLL plus l2 |b|², with its gradient in beta and b.</summary>
    private static double Objective(float[] logits, long[] labels, int classes, double beta, double[] bias, double l2, out double gBeta, out double[] gBias)
    {
        var n = labels.Length;
        gBeta = 0;
        gBias = new double[classes];
        var total = 0.0;
        var scores = new double[classes];
        for (var i = 0; i < n; i++)
        {
            var row = logits.AsSpan(i * classes, classes);
            var max = double.NegativeInfinity;
            for (var c = 0; c < classes; c++)
            {
                scores[c] = (beta * row[c]) + bias[c];
                max = Math.Max(max, scores[c]);
            }

            var sum = 0.0;
            for (var c = 0; c < classes; c++)
            {
                scores[c] = Math.Exp(scores[c] - max);
                sum += scores[c];
            }

            var label = (int)labels[i];
            total += Math.Log(sum) + max - ((beta * row[label]) + bias[label]);
            for (var c = 0; c < classes; c++)
            {
                var p = scores[c] / sum;
                var indicator = c == label ? 1.0 : 0.0;
                gBeta += (p - indicator) * row[c];
                gBias[c] += p - indicator;
            }
        }

        gBeta /= n;
        for (var c = 0; c < classes; c++)
        {
            gBias[c] = (gBias[c] / n) + (2 * l2 * bias[c]);
        }

        return (total / n) + (l2 * bias.Sum(b => b * b));
    }
}
