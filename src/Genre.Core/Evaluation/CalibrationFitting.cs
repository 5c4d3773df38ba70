using System.Globalization;

namespace Genre.Evaluation;

/// <summary>
/// Fits a model's genre calibration on labelled clips: a temperature alone, or a temperature with a per-genre bias,
/// whichever gives the lower clip log-loss in stratified k-fold cross-validation over the fitting clips (never
/// judged on clips held out for the report). The chosen method is then fitted on all fitting clips' windows.
/// </summary>
internal static class CalibrationFitting
{
    public const string TemperatureOnly = "temperature";

    public const string TemperatureAndBias = "temperature+bias";

    public static FittedCalibration Fit(ClipScoreSet fit, int folds = 5)
    {
        ArgumentNullException.ThrowIfNull(fit);
        if (fit.Clips.Count == 0)
        {
            throw new ArgumentException("no clips to fit a calibration on", nameof(fit));
        }

        var fold = Folds(fit, folds);
        double temperatureLoss = 0, biasLoss = 0;
        for (var k = 0; k < folds; k++)
        {
            var train = fit with { Clips = [.. fit.Clips.Where((_, i) => fold[i] != k)] };
            var test = fit with { Clips = [.. fit.Clips.Where((_, i) => fold[i] == k)] };
            if (test.Clips.Count == 0 || train.Clips.Count == 0)
            {
                continue;
            }

            var (logits, labels) = Windows(train);
            var classes = fit.Genres.Count;
            var t = TemperatureScaling.Fit(logits, labels, classes);
            temperatureLoss += ClipMeasurement.Measure(test, t).LogLoss!.Value * test.Clips.Count;
            var (tb, bias) = GenreCalibration.FitWithBias(logits, labels, classes);
            biasLoss += ClipMeasurement.Measure(test, tb, bias).LogLoss!.Value * test.Clips.Count;
        }

        temperatureLoss /= fit.Clips.Count;
        biasLoss /= fit.Clips.Count;
        var selection = string.Create(CultureInfo.InvariantCulture,
            $"{folds}-fold cross-validation over the {fit.Clips.Count} fitting clips: clip log-loss {temperatureLoss:0.0000} with a temperature alone, {biasLoss:0.0000} with a per-genre bias too");
        var (allLogits, allLabels) = Windows(fit);
        if (biasLoss < temperatureLoss)
        {
            var (temperature, bias) = GenreCalibration.FitWithBias(allLogits, allLabels, fit.Genres.Count);
            return new FittedCalibration(TemperatureAndBias, temperature, bias, selection);
        }

        return new FittedCalibration(TemperatureOnly, TemperatureScaling.Fit(allLogits, allLabels, fit.Genres.Count), null, selection);
    }

    /// <summary>Fold of each clip: clips of each genre dealt round-robin in name order, so every fold has every genre it can.</summary>
    private static int[] Folds(ClipScoreSet set, int folds)
    {
        var result = new int[set.Clips.Count];
        foreach (var genre in Enumerable.Range(0, set.Clips.Count).GroupBy(i => set.Clips[i].Label))
        {
            var k = 0;
            foreach (var i in genre.OrderBy(i => set.Clips[i].Track, StringComparer.Ordinal))
            {
                result[i] = k++ % folds;
            }
        }

        return result;
    }

    /// <summary>The non-silent windows of every clip, each labelled with its clip's genre.</summary>
    private static (float[] Logits, long[] Labels) Windows(ClipScoreSet set)
    {
        var classes = set.Genres.Count;
        var logits = new List<float>();
        var labels = new List<long>();
        foreach (var clip in set.Clips)
        {
            for (var w = 0; w < clip.Silent.Length; w++)
            {
                if (!clip.Silent[w])
                {
                    logits.AddRange(clip.Logits.AsSpan(w * classes, classes));
                    labels.Add(clip.Label);
                }
            }
        }

        return ([.. logits], [.. labels]);
    }
}
