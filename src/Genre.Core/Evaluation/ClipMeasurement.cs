using Genre.Model;

namespace Genre.Evaluation;

/// <summary>
/// Clip-level figures under a calibration: each clip's probabilities are the ones <c>genre predict</c> would give
/// (calibrated windows, mean of the non-silent ones: <see cref="Inference.TrackProbabilities"/>), then accuracy, macro F1, ECE
/// and log-loss over the clips.
/// </summary>
internal static class ClipMeasurement
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

    /// <summary>
    /// Clip probabilities (clips x genres) and labels, by the same aggregation as feature-file evaluation
    /// (<see cref="Evaluation.ClipProbabilities"/>: silent windows left out, an all-silent clip uniform); clips are
    /// keyed by path, so two files of one name in different genre folders stay two clips.
    /// </summary>
    public static (float[] Probabilities, long[] Labels) ClipProbabilities(ClipScoreSet set, float temperature, IReadOnlyList<float>? bias)
    {
        ArgumentNullException.ThrowIfNull(set);
        var classes = set.Genres.Count;
        var clips = Evaluation.ClipProbabilities.Aggregate(
            [.. set.Clips.SelectMany(c => GenreCalibration.Probabilities(c.Logits, classes, temperature, bias))],
            [.. set.Clips.SelectMany(c => Enumerable.Repeat((long)c.Label, c.Silent.Length))],
            [.. set.Clips.SelectMany(c => Enumerable.Repeat(c.Path, c.Silent.Length))],
            classes,
            [.. set.Clips.SelectMany(c => c.Silent)]);
        return (clips.Probabilities, clips.Labels);
    }
}
