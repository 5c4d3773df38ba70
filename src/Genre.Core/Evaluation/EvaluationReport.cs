namespace Genre.Evaluation;

/// <summary>Scores a model's outputs on an evaluation set and writes the report files.</summary>
public static class EvaluationReport
{
    /// <summary>How many confused genre pairs the summary, the text report and the chart list.</summary>
    public const int ConfusedPairCount = 10;

    /// <summary>
    /// Computes the summary (see <see cref="Compute"/>) and writes every file of <see cref="ReportFileNames"/> into
    /// <paramref name="directory"/>, creating it if needed; the history files and curves only when
    /// <paramref name="history"/> is given. Throws <see cref="OutputException"/> when the folder cannot be written.
    /// </summary>
    public static EvaluationSummary Write(string directory, EvaluationInput input, float temperature, TrainingHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var summary = Compute(input, temperature);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(directory, e.Message, e);
        }

        string In(string name) => Path.Combine(directory, name);
        var genres = input.Genres;
        ReportFile.WriteText(In(ReportFileNames.ClassificationReport), ClassificationReportText.Document(summary));
        ReportFile.WriteText(In(ReportFileNames.ConfusionMatrixCsv), ConfusionMatrix.ToCsv(summary.Segment.ConfusionMatrix, genres));
        ReportFile.WriteJson(In(ReportFileNames.Metrics), summary);
        ConfusionMatrixChart.Save(
            In(ReportFileNames.ConfusionMatrixPng),
            summary.Segment.ConfusionMatrix,
            genres,
            $"Confusion matrix ({summary.SegmentCount} segments, accuracy {summary.SegmentAccuracy:P1})");
        PerGenreAccuracyChart.Save(In(ReportFileNames.PerClassAccuracy), summary, genres);
        ConfusedPairsChart.Save(In(ReportFileNames.TopConfusedPairs), summary.TopConfusedPairs);
        ReliabilityChart.Save(In(ReportFileNames.ReliabilityDiagram), summary);
        if (history is not null)
        {
            HistoryFiles.WriteCsv(In(ReportFileNames.HistoryCsv), history);
            HistoryFiles.WriteJson(In(ReportFileNames.HistoryJson), history);
            TrainingCurvesChart.Save(In(ReportFileNames.TrainingCurves), history);
        }

        return summary;
    }

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
