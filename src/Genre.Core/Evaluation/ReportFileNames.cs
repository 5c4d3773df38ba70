namespace Genre.Evaluation;

/// <summary>
/// The files of an evaluation report: the folder <c>ModelEvaluation.Run</c> (Genre.Training) writes, and the
/// <c>report</c> folder inside every model a training job writes, which also holds the training history.
/// </summary>
public static class ReportFileNames
{
    /// <summary>sklearn-style classification reports, segment-level and clip-level, then the temperature, the calibration error before and after it, and the most confused pairs.</summary>
    public const string ClassificationReport = "classification_report.txt";

    /// <summary>The segments' confusion matrix as a heat map.</summary>
    public const string ConfusionMatrixPng = "confusion_matrix.png";

    /// <summary>The segments' confusion matrix: a header of predicted genres, then one row per true genre.</summary>
    public const string ConfusionMatrixCsv = "confusion_matrix.csv";

    /// <summary>Each genre's accuracy (its recall), segments and clips side by side.</summary>
    public const string PerClassAccuracy = "per_class_accuracy.png";

    /// <summary>The most frequent (true, predicted) mistakes as bars.</summary>
    public const string TopConfusedPairs = "top_confused_pairs.png";

    /// <summary>Accuracy against confidence per bin, before and after temperature scaling.</summary>
    public const string ReliabilityDiagram = "reliability_diagram.png";

    /// <summary>The <see cref="EvaluationSummary"/> as JSON, headline numbers first.</summary>
    public const string Metrics = "metrics.json";

    /// <summary>Loss and accuracy per epoch, training against validation (training reports only).</summary>
    public const string TrainingCurves = "training_curves.png";

    /// <summary>Every epoch's losses, accuracies and time as CSV (training reports only).</summary>
    public const string HistoryCsv = "history.csv";

    /// <summary>The kept epoch and every epoch's losses, accuracies and time as JSON (training reports only).</summary>
    public const string HistoryJson = "history.json";
}
