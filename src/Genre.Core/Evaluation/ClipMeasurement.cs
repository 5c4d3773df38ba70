using Genre.Inference;
using Genre.Model;

namespace Genre.Evaluation;

/// <summary>
/// Clip-level figures under a calibration: each clip's probabilities are the ones <c>genre predict</c> would give
/// (calibrated windows, mean of the non-silent ones: <see cref="TrackProbabilities"/>), then accuracy, macro F1, ECE
/// and log-loss over the clips.
/// </summary>
public static class ClipMeasurement
{
    public static ClipMetrics Measure(ClipScoreSet set, float temperature = 1f, IReadOnlyList<float>? bias = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        var (probabilities, labels) = ClipProbabilities(set, temperature, bias);
        var classes = set.Genres.Count;
        var predicted = ClassRows.ArgMax(probabilities, classes);
        var scores = ClassificationScores.FromPredictions(set.Genres, predicted, labels);
        var logLoss = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            logLoss -= Math.Log(Math.Max(probabilities[(i * classes) + (int)labels[i]], 1e-12));
        }

        return new ClipMetrics
        {
            Clips = labels.Length,
            Accuracy = scores.Accuracy,
            MacroF1 = scores.MacroAverage.F1,
            Ece = Calibration.ExpectedCalibrationError(probabilities, labels, classes),
            LogLoss = labels.Length == 0 ? 0 : logLoss / labels.Length,
        };
    }

    /// <summary>Clip probabilities (clips x genres) and labels; an all-silent clip counts as uniform.</summary>
    public static (float[] Probabilities, long[] Labels) ClipProbabilities(ClipScoreSet set, float temperature, IReadOnlyList<float>? bias)
    {
        ArgumentNullException.ThrowIfNull(set);
        var classes = set.Genres.Count;
        var result = new float[set.Clips.Count * classes];
        for (var i = 0; i < set.Clips.Count; i++)
        {
            var clip = set.Clips[i];
            var windows = GenreCalibration.Probabilities(clip.Logits, classes, temperature, bias);
            var mean = TrackProbabilities.Mean(windows, clip.Silent, classes) ?? [.. Enumerable.Repeat(1f / classes, classes)];
            mean.CopyTo(result, i * classes);
        }

        return (result, [.. set.Clips.Select(c => (long)c.Label)]);
    }
}
