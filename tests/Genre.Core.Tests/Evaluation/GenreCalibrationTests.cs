using Genre.Evaluation;
using Shouldly;

namespace Genre.Core.Tests.Evaluation;

public sealed class GenreCalibrationTests
{
    [Fact]
    public void Fit_with_bias_recovers_a_known_temperature_and_bias()
    {
        // Logits z whose true probabilities are softmax(z / 2 + b): the fit must find T = 2 and b (mean 0).
        float[] bias = [1.0f, -0.5f, 0.2f, -0.7f, 0.0f];
        var (logits, labels) = Sample(20_000, bias, temperature: 2f, seed: 3);

        var (t, fitted) = GenreCalibration.FitWithBias(logits, labels, bias.Length, l2: 0);

        t.ShouldBe(2f, 0.1f);
        for (var c = 0; c < bias.Length; c++)
        {
            fitted[c].ShouldBe(bias[c], 0.1f, $"bias of class {c}");
        }
    }

    [Fact]
    public void Fit_with_bias_is_never_worse_than_the_temperature_alone_on_its_own_data()
    {
        float[] bias = [0.8f, -0.8f, 0f];
        var (logits, labels) = Sample(3_000, bias, temperature: 0.7f, seed: 5);
        var t = TemperatureScaling.Fit(logits, labels, 3);

        var (tb, fitted) = GenreCalibration.FitWithBias(logits, labels, 3);

        GenreCalibration.NegativeLogLikelihood(logits, labels, 3, tb, fitted)
            .ShouldBeLessThanOrEqualTo(GenreCalibration.NegativeLogLikelihood(logits, labels, 3, t, null) + 1e-6);
        fitted.Sum().ShouldBe(0f, 1e-4f);
    }

    [Fact]
    public void Probabilities_are_the_softmax_of_scaled_and_shifted_logits_and_sum_to_one()
    {
        var p = GenreCalibration.Probabilities([0f, MathF.Log(3f), 1f, 1f], 2, 2f, [0f, MathF.Log(3f) / 2]);

        // Row 0: softmax([0, ln 3 / 2 + ln 3 / 2]) = [1/4, 3/4]; row 1: softmax([0.5, 0.5 + ln 3 / 2]) = [1/(1+sqrt 3), ...].
        p[0].ShouldBe(0.25f, 1e-6f);
        p[1].ShouldBe(0.75f, 1e-6f);
        p[2].ShouldBe((float)(1 / (1 + Math.Sqrt(3))), 1e-6f);
        (p[2] + p[3]).ShouldBe(1f, 1e-6f);
    }

    [Fact]
    public void Fitting_is_deterministic()
    {
        var (logits, labels) = Sample(1_000, [0.3f, -0.3f], temperature: 1.5f, seed: 9);

        GenreCalibration.FitWithBias(logits, labels, 2).Bias.ShouldBe(GenreCalibration.FitWithBias(logits, labels, 2).Bias);
    }

    private static (float[] Logits, long[] Labels) Sample(int count, float[] bias, float temperature, int seed)
    {
        var random = new Random(seed);
        var classes = bias.Length;
        var logits = new float[count * classes];
        var labels = new long[count];
        var p = new double[classes];
        for (var i = 0; i < count; i++)
        {
            for (var c = 0; c < classes; c++)
            {
                logits[(i * classes) + c] = (float)(random.NextDouble() * 8 - 4);
                p[c] = Math.Exp((logits[(i * classes) + c] / temperature) + bias[c]);
            }

            var u = random.NextDouble() * p.Sum();
            var label = 0;
            while (label < classes - 1 && (u -= p[label]) > 0)
            {
                label++;
            }

            labels[i] = label;
        }

        return (logits, labels);
    }
}
