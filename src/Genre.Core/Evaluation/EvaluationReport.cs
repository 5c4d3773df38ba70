namespace Genre.Evaluation;

/// <summary>Scores a model's outputs on an evaluation set (the files and charts are Genre.Training's <c>EvaluationReportFiles</c>).</summary>
internal static class EvaluationReport
{
    /// <summary>How many confused genre pairs the summary, the text report and the chart list.</summary>
    public const int ConfusedPairCount = 10;

    /// <summary>
    /// Segment predictions are the argmax of the logits (temperature cannot change it); clip predictions the argmax of
    /// the mean of the clip's temperature-scaled segment probabilities, which is what a deployed model with this
    /// temperature predicts. ECE is over segments, at T = 1 (before) and at <paramref name="temperature"/> (after).
    /// </summary>
    public static EvaluationSummary Compute(EvaluationInput input, float temperature)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Validate();
        var classes = input.Classes;
        var raw = TemperatureScaling.Softmax(input.Logits, classes);
        var calibrated = TemperatureScaling.Softmax(input.Logits, classes, temperature);
        var segment = ClassificationScores.FromPredictions(input.Genres, ClassRows.ArgMax(input.Logits, classes), input.Labels);
        var clips = ClipProbabilities.Aggregate(calibrated, input.Labels, input.Tracks, classes, input.Silent);
        var clip = ClassificationScores.FromPredictions(input.Genres, ClassRows.ArgMax(clips.Probabilities, classes), clips.Labels);
        var before = Calibration.Reliability(raw, input.Labels, classes);
        var after = Calibration.Reliability(calibrated, input.Labels, classes);
        return new EvaluationSummary(
            segment,
            clip,
            temperature,
            Calibration.ExpectedCalibrationError(before),
            Calibration.ExpectedCalibrationError(after),
            ConfusionMatrix.TopConfusedPairs(segment.ConfusionMatrix, input.Genres, ConfusedPairCount),
            before,
            after);
    }
}
