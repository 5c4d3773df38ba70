namespace Genre.Evaluation;

/// <summary>
/// Post-hoc calibration with one scalar (Guo et al. 2017): probabilities are softmax(logits / T), with T fitted on
/// held-out data to minimise the negative log-likelihood. T does not change any argmax, so accuracy is untouched.
/// </summary>
internal static class TemperatureScaling
{
    /// <summary>The range T is searched in; the edges are returned when the optimum lies beyond them (e.g. separable data).</summary>
    public const float MinTemperature = 0.01f;

    public const float MaxTemperature = 100f;

    /// <summary>
    /// Fits T by safeguarded Newton on beta = 1/T, where the NLL is convex (log-sum-exp of a linear function minus a
    /// linear term): NLL'(beta) = sum(E_p[z] - z_y), NLL''(beta) = sum(Var_p[z]). Deterministic for a given input.
    /// </summary>
    public static float Fit(float[] logits, long[] labels, int classes)
    {
        ClassRows.CheckShapes(logits, labels, classes);
        if (labels.Length == 0)
        {
            return 1f;
        }

        double lo = 1.0 / MaxTemperature, hi = 1.0 / MinTemperature;
        if (Derivatives(logits, labels, classes, lo).Gradient >= 0)
        {
            return MaxTemperature;
        }

        if (Derivatives(logits, labels, classes, hi).Gradient <= 0)
        {
            return MinTemperature;
        }

        var beta = 1.0;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            var (gradient, curvature) = Derivatives(logits, labels, classes, beta);
            if (gradient > 0)
            {
                hi = beta;
            }
            else
            {
                lo = beta;
            }

            var next = curvature > 0 ? beta - (gradient / curvature) : double.NaN;
            // Newton can overshoot far from the optimum; bisection on the bracket always makes progress.
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            var converged = Math.Abs(next - beta) <= 1e-10 * beta || hi - lo <= 1e-12 * hi;
            beta = next;
            if (converged)
            {
                break;
            }
        }

        return (float)(1.0 / beta);
    }

    /// <summary>Mean cross-entropy of softmax(logits / <paramref name="temperature"/>): the quantity <see cref="Fit"/> minimises.</summary>
    public static double NegativeLogLikelihood(float[] logits, long[] labels, int classes, float temperature = 1f)
    {
        ClassRows.CheckShapes(logits, labels, classes);
        if (!(temperature > 0) || !float.IsFinite(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Temperature must be a positive finite number.");
        }

        if (labels.Length == 0)
        {
            return 0;
        }

        double total = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var row = logits.AsSpan(i * classes, classes);
            var max = (double)row[ClassRows.ArgMax(row)];
            double sum = 0;
            foreach (var z in row)
            {
                sum += Math.Exp((z - max) / temperature);
            }

            total += Math.Log(sum) - ((row[(int)labels[i]] - max) / temperature);
        }

        return total / labels.Length;
    }

    /// <summary>Row-wise softmax(logits / temperature), computed in double and shifted by the row maximum for stability.</summary>
    public static float[] Softmax(float[] logits, int classes, float temperature = 1f)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (logits.Length % classes != 0)
        {
            throw new ArgumentException($"{logits.Length} logits is not a whole number of rows of {classes}.", nameof(logits));
        }

        if (!(temperature > 0) || !float.IsFinite(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Temperature must be a positive finite number.");
        }

        var probabilities = new float[logits.Length];
        var buffer = new double[classes];
        for (var start = 0; start < logits.Length; start += classes)
        {
            var row = logits.AsSpan(start, classes);
            var max = row[ClassRows.ArgMax(row)];
            var sum = 0.0;
            for (var c = 0; c < classes; c++)
            {
                buffer[c] = Math.Exp((row[c] - (double)max) / temperature);
                sum += buffer[c];
            }

            for (var c = 0; c < classes; c++)
            {
                probabilities[start + c] = (float)(buffer[c] / sum);
            }
        }

        return probabilities;
    }

    /// <summary>First and second derivative of the summed NLL with respect to beta = 1/T.</summary>
    private static (double Gradient, double Curvature) Derivatives(float[] logits, long[] labels, int classes, double beta)
    {
        double gradient = 0, curvature = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            var row = logits.AsSpan(i * classes, classes);
            var max = (double)row[ClassRows.ArgMax(row)];
            double sum = 0, mean = 0, square = 0;
            for (var c = 0; c < classes; c++)
            {
                // Shifted by the row maximum: no overflow, and less cancellation in the variance.
                var z = row[c] - max;
                var weight = Math.Exp(beta * z);
                sum += weight;
                mean += weight * z;
                square += weight * z * z;
            }

            mean /= sum;
            gradient += mean - (row[(int)labels[i]] - max);
            curvature += Math.Max(0, (square / sum) - (mean * mean));
        }

        return (gradient, curvature);
    }
}
