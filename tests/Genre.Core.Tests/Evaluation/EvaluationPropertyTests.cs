using CsCheck;
using Genre.Evaluation;
using Shouldly;

namespace Genre.Core.Tests.Evaluation;

public class EvaluationPropertyTests
{
    // Each track has one label, as in GTZAN, so clips are well defined; some tracks may go unused.
    private static readonly Gen<EvaluationInput> Inputs =
        from classes in Gen.Int[2, 6]
        from trackLabels in Gen.Long[0, classes - 1].Array[1, 6]
        from rows in Gen.Int[0, trackLabels.Length - 1].Array[1, 40]
        from logits in Gen.Float[-30f, 30f].Array[rows.Length * classes]
        select new EvaluationInput(
            [.. Enumerable.Range(0, classes).Select(c => "g" + c)],
            logits,
            [.. rows.Select(t => trackLabels[t])],
            [.. rows.Select(t => "track" + t)]);

    [Fact]
    public void Probability_rows_sum_to_one()
    {
        Inputs.Sample(input =>
        {
            var probabilities = TemperatureScaling.Softmax(input.Logits, input.Classes, 0.7f);
            for (var r = 0; r < input.Count; r++)
            {
                probabilities.AsSpan(r * input.Classes, input.Classes).ToArray().Sum().ShouldBe(1f, 1e-5f);
            }
        });
    }

    [Fact]
    public void Scores_are_in_range_and_confusion_matrices_count_every_row()
    {
        Inputs.Sample(input =>
        {
            var summary = EvaluationReport.Compute(input, 1.3f);
            var clips = input.Tracks.Distinct().Count();

            summary.SegmentAccuracy.ShouldBeInRange(0, 1);
            summary.ClipAccuracy.ShouldBeInRange(0, 1);
            summary.MacroF1.ShouldBeInRange(0, 1);
            summary.WeightedF1.ShouldBeInRange(0, 1);
            summary.EceBefore.ShouldBeInRange(0, 1);
            summary.EceAfter.ShouldBeInRange(0, 1);
            summary.Segment.ConfusionMatrix.Sum(row => row.Sum()).ShouldBe(input.Count);
            summary.Clip.ConfusionMatrix.Sum(row => row.Sum()).ShouldBe(clips);
            summary.ClipCount.ShouldBe(clips);
            summary.Segment.PerGenre.Sum(s => s.Support).ShouldBe(input.Count);
        });
    }

    [Fact]
    public void Fitted_temperature_never_raises_the_negative_log_likelihood()
    {
        Inputs.Sample(input =>
        {
            var temperature = TemperatureScaling.Fit(input.Logits, input.Labels, input.Classes);

            temperature.ShouldBeInRange(TemperatureScaling.MinTemperature, TemperatureScaling.MaxTemperature);
            Nll(input, temperature).ShouldBeLessThanOrEqualTo(Nll(input, 1f) + 1e-6);
        });
    }

    private static double Nll(EvaluationInput input, float temperature)
    {
        var p = TemperatureScaling.Softmax(input.Logits, input.Classes, temperature);
        return input.Labels.Select((label, r) => -Math.Log(Math.Max(p[(r * input.Classes) + (int)label], 1e-30))).Sum();
    }
}
