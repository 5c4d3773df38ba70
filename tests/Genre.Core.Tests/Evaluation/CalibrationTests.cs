using Genre.Evaluation;
using Shouldly;

namespace Genre.Core.Tests.Evaluation;

public class CalibrationTests
{
    [Fact]
    public void Ece_of_perfectly_calibrated_synthetic_data_is_small()
    {
        var (logits, labels) = SyntheticLogits.Calibrated(20_000, 10, 1.5, seed: 1);

        Calibration.ExpectedCalibrationError(TemperatureScaling.Softmax(logits, 10), labels, 10).ShouldBeLessThan(0.015);
    }

    [Fact]
    public void Reliability_bins_and_ece_match_hand_computation()
    {
        // Two bins. Top probabilities 0.9 (right), 0.8 (wrong) -> bin 2; 0.6 (right), 0.7 (right) -> bin 2 too;
        // 0.5 exactly -> bin 1 because bins are (lower, upper].
        float[] probabilities = [0.9f, 0.1f, 0.2f, 0.8f, 0.6f, 0.4f, 0.3f, 0.7f, 0.5f, 0.5f];
        long[] labels = [0, 0, 0, 1, 1];

        var bins = Calibration.Reliability(probabilities, labels, 2, bins: 2);

        bins[0].Count.ShouldBe(1);
        bins[0].Confidence.ShouldBe(0.5, 1e-6);
        bins[0].Accuracy.ShouldBe(0.0);
        bins[1].Count.ShouldBe(4);
        bins[1].Confidence.ShouldBe(0.75, 1e-6);
        bins[1].Accuracy.ShouldBe(0.75);
        // (1/5) * |0 - 0.5| + (4/5) * |0.75 - 0.75|
        Calibration.ExpectedCalibrationError(probabilities, labels, 2, bins: 2).ShouldBe(0.1, 1e-6);
    }

    [Fact]
    public void Always_sure_and_always_right_is_perfectly_calibrated()
    {
        Calibration.ExpectedCalibrationError([1f, 0f, 0f, 1f], [0, 1], 2).ShouldBe(0.0);
    }
}
