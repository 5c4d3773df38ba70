using Genre.Evaluation;
using Shouldly;

namespace Genre.Core.Tests.Evaluation;

public class ClipProbabilitiesTests
{
    [Fact]
    public void Clip_probabilities_are_the_mean_of_its_segments_in_order_of_first_appearance()
    {
        float[] probabilities =
        [
            0.9f, 0.1f,
            0.2f, 0.8f,
            0.1f, 0.9f,
            0.6f, 0.4f,
            0.3f, 0.7f,
        ];

        var clips = ClipProbabilities.Aggregate(probabilities, [0, 1, 0, 1, 1], ["x", "y", "x", "y", "y"], 2);

        clips.Tracks.ShouldBe(["x", "y"]);
        clips.Labels.ShouldBe([0L, 1L]);
        clips.Probabilities[0].ShouldBe(0.5f, 1e-6f);
        clips.Probabilities[1].ShouldBe(0.5f, 1e-6f);
        clips.Probabilities[2].ShouldBe((0.2f + 0.6f + 0.3f) / 3, 1e-6f);
        clips.Probabilities[3].ShouldBe((0.8f + 0.4f + 0.7f) / 3, 1e-6f);
    }

    [Fact]
    public void Clip_prediction_can_differ_from_the_majority_of_its_segments()
    {
        // Two segments lean "a" a little, one is sure of "b": the mean picks "b", a vote would pick "a".
        float[] logits = [0.2f, 0f, 0.2f, 0f, 0f, 8f];
        var input = new EvaluationInput(["a", "b"], logits, [1, 1, 1], ["t", "t", "t"]);

        var summary = EvaluationReport.Compute(input, 1f);

        summary.SegmentAccuracy.ShouldBe(1.0 / 3, 1e-12);
        summary.ClipAccuracy.ShouldBe(1.0);
        summary.ClipCount.ShouldBe(1);
    }

    [Fact]
    public void Silent_segments_do_not_vote_exactly_as_in_prediction()
    {
        // The clip is "a" by its audible segment; the silent one, confidently "b", would flip the plain mean.
        float[] probabilities = [0.6f, 0.4f, 0.0f, 1.0f, 0.5f, 0.5f];
        bool[] silent = [false, true, true];

        var clips = ClipProbabilities.Aggregate(probabilities, [0, 0, 1], ["t", "t", "quiet"], 2, silent);

        clips.Probabilities[..2].ShouldBe(Genre.Inference.TrackProbabilities.Mean(probabilities.AsSpan(0, 4), [false, true], 2)!);
        clips.Probabilities[..2].ShouldBe([0.6f, 0.4f]);
        clips.Probabilities[2..].ShouldBe([0.5f, 0.5f], "a clip that is all silence is uniform");
        var input = new EvaluationInput(["a", "b"], [1f, 0f, 0f, 9f], [0, 0], ["t", "t"]) { Silent = [false, true] };
        EvaluationReport.Compute(input, 1f).ClipAccuracy.ShouldBe(1.0);
    }

    [Fact]
    public void Segments_of_one_track_with_different_labels_are_rejected()
    {
        Should.Throw<ArgumentException>(() => ClipProbabilities.Aggregate([1f, 0f, 0f, 1f], [0, 1], ["t", "t"], 2));
    }
}
