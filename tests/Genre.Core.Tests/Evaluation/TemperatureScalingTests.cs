using Genre.Evaluation;
using Shouldly;

namespace Genre.Core.Tests.Evaluation;

public class TemperatureScalingTests
{
    [Fact]
    public void Fit_recovers_the_temperature_of_over_confident_logits()
    {
        var (truth, labels) = SyntheticLogits.Calibrated(20_000, 10, 1.5, seed: 7);
        var overConfident = SyntheticLogits.Scaled(truth, 3f);

        var temperature = TemperatureScaling.Fit(overConfident, labels, 10);

        temperature.ShouldBe(3f, 0.15f);
    }

    [Fact]
    public void Fit_on_calibrated_logits_is_close_to_one()
    {
        var (logits, labels) = SyntheticLogits.Calibrated(20_000, 10, 1.5, seed: 11);

        TemperatureScaling.Fit(logits, labels, 10).ShouldBe(1f, 0.05f);
    }

    [Fact]
    public void Negative_log_likelihood_matches_a_hand_computed_value_and_is_minimal_at_the_fitted_temperature()
    {
        // softmax([0, ln 3]) = [1/4, 3/4]; at T = 2 it is [1/(1+sqrt 3), sqrt 3/(1+sqrt 3)].
        TemperatureScaling.NegativeLogLikelihood([0f, MathF.Log(3f)], [1], 2).ShouldBe(Math.Log(4.0 / 3), 1e-6);
        TemperatureScaling.NegativeLogLikelihood([0f, MathF.Log(3f)], [1], 2, 2f).ShouldBe(Math.Log((1 + Math.Sqrt(3)) / Math.Sqrt(3)), 1e-6);

        var (truth, labels) = SyntheticLogits.Calibrated(2_000, 10, 1.5, seed: 9);
        var logits = SyntheticLogits.Scaled(truth, 2f);
        var t = TemperatureScaling.Fit(logits, labels, 10);
        var best = TemperatureScaling.NegativeLogLikelihood(logits, labels, 10, t);
        best.ShouldBeLessThan(TemperatureScaling.NegativeLogLikelihood(logits, labels, 10, t * 1.05f));
        best.ShouldBeLessThan(TemperatureScaling.NegativeLogLikelihood(logits, labels, 10, t / 1.05f));
    }

    [Fact]
    public void Fit_is_deterministic()
    {
        var (truth, labels) = SyntheticLogits.Calibrated(2_000, 10, 1.5, seed: 3);
        var logits = SyntheticLogits.Scaled(truth, 2f);

        TemperatureScaling.Fit(logits, labels, 10).ShouldBe(TemperatureScaling.Fit(logits, labels, 10));
    }

    [Fact]
    public void Scaling_lowers_the_calibration_error_of_over_confident_logits()
    {
        var (truth, labels) = SyntheticLogits.Calibrated(20_000, 10, 1.5, seed: 5);
        var logits = SyntheticLogits.Scaled(truth, 3f);
        var temperature = TemperatureScaling.Fit(logits, labels, 10);

        var before = Calibration.ExpectedCalibrationError(TemperatureScaling.Softmax(logits, 10), labels, 10);
        var after = Calibration.ExpectedCalibrationError(TemperatureScaling.Softmax(logits, 10, temperature), labels, 10);

        before.ShouldBeGreaterThan(0.1);
        after.ShouldBeLessThan(0.02);
    }

    [Fact]
    public void Perfectly_separated_data_hits_the_lower_bound_instead_of_running_away()
    {
        // Every label is the argmax: the NLL keeps falling as T -> 0.
        TemperatureScaling.Fit([2f, 0f, 0f, 2f], [0, 1], 2).ShouldBe(TemperatureScaling.MinTemperature);
    }

    [Fact]
    public void Softmax_matches_a_hand_computed_row_and_divides_by_the_temperature()
    {
        var p = TemperatureScaling.Softmax([0f, MathF.Log(3f)], 2);
        p[0].ShouldBe(0.25f, 1e-6f);
        p[1].ShouldBe(0.75f, 1e-6f);

        var q = TemperatureScaling.Softmax([0f, 2 * MathF.Log(3f)], 2, temperature: 2f);
        q[1].ShouldBe(0.75f, 1e-6f);
    }

    [Fact]
    public void Softmax_survives_huge_logits()
    {
        TemperatureScaling.Softmax([1e30f, 0f, -1e30f], 3).ShouldBe([1f, 0f, 0f]);
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    public void Softmax_rejects_a_temperature_that_is_not_positive(float temperature)
    {
        Should.Throw<ArgumentOutOfRangeException>(() => TemperatureScaling.Softmax([1f, 2f], 2, temperature));
    }
}
