namespace Genre.Evaluation;

/// <summary>The files Genre.Training's <c>EvaluationReportFiles.Write</c> puts in its folder.</summary>
public static class ReportFileNames
{
    public const string ClassificationReport = "classification_report.txt";
    public const string ConfusionMatrixPng = "confusion_matrix.png";
    public const string ConfusionMatrixCsv = "confusion_matrix.csv";
    public const string PerClassAccuracy = "per_class_accuracy.png";
    public const string TopConfusedPairs = "top_confused_pairs.png";
    public const string ReliabilityDiagram = "reliability_diagram.png";
    public const string Metrics = "metrics.json";

    // Only when a training history is given.
    public const string TrainingCurves = "training_curves.png";
    public const string HistoryCsv = "history.csv";
    public const string HistoryJson = "history.json";
}
