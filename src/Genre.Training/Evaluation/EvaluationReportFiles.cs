namespace Genre.Evaluation;

/// <summary>Writes an evaluation's report files: the text report, the metrics and confusion matrix, and the charts (ScottPlot).</summary>
internal static class EvaluationReportFiles
{
    /// <summary>
    /// Computes the summary (see <see cref="EvaluationReport.Compute"/>) and writes every file of <see cref="ReportFileNames"/> into
    /// <paramref name="directory"/>, creating it if needed; the history files and curves only when
    /// <paramref name="history"/> is given. Throws <see cref="OutputException"/> when the folder cannot be written.
    /// </summary>
    public static EvaluationSummary Write(string directory, EvaluationInput input, float temperature, TrainingHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var summary = EvaluationReport.Compute(input, temperature);
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
        ReportFile.WriteJson(In(ReportFileNames.Metrics), summary, ReportJsonContext.Default.EvaluationSummary);
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
}
