using System.Globalization;
using System.Text;

namespace Genre.Evaluation;

/// <summary>The text of classification_report.txt: sklearn's classification_report tables, then calibration and confusions.</summary>
internal static class ClassificationReportText
{
    /// <summary>Character for character what sklearn.metrics.classification_report prints for the same scores.</summary>
    public static string Table(ClassificationScores scores, int digits = 2)
    {
        ArgumentNullException.ThrowIfNull(scores);
        const string LongestHeading = "weighted avg";
        var width = Math.Max(Math.Max(scores.PerGenre.Max(s => s.Name.Length), LongestHeading.Length), digits);
        var text = new StringBuilder();
        text.Append(new string(' ', width)).Append(' ');
        foreach (var header in (string[])["precision", "recall", "f1-score", "support"])
        {
            text.Append(' ').Append(header.PadLeft(9));
        }

        text.Append("\n\n");
        foreach (var row in scores.PerGenre)
        {
            AppendRow(text, row, width, digits);
        }

        text.Append('\n');
        text.Append("accuracy".PadLeft(width)).Append(' ')
            .Append(' ', 20)
            .Append(' ').Append(Number(scores.Accuracy, digits))
            .Append(' ').Append(scores.Count.ToString(CultureInfo.InvariantCulture).PadLeft(9)).Append('\n');
        AppendRow(text, scores.MacroAverage, width, digits);
        AppendRow(text, scores.WeightedAverage, width, digits);
        return text.ToString();
    }

    public static string Document(EvaluationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.Append(invariant, $"Segment-level ({summary.SegmentCount} segments)\n\n").Append(Table(summary.Segment)).Append('\n');
        text.Append(invariant, $"Clip-level ({summary.ClipCount} clips, mean of segment probabilities)\n\n")
            .Append(Table(summary.Clip)).Append('\n');
        text.Append(invariant, $"Temperature: {summary.Temperature:0.####}\n");
        text.Append(invariant, $"ECE (15 bins, segments): {summary.EceBefore:0.0000} before, {summary.EceAfter:0.0000} after temperature scaling\n\n");
        text.Append("Top confused pairs (segments, true -> predicted)\n");
        if (summary.TopConfusedPairs.Count == 0)
        {
            text.Append("  none\n");
        }

        foreach (var pair in summary.TopConfusedPairs)
        {
            text.Append(invariant, $"  {pair.Actual} -> {pair.Predicted}: {pair.Count} ({pair.Rate:0.0%} of {pair.Actual})\n");
        }

        return text.ToString();
    }

    private static void AppendRow(StringBuilder text, ClassScores row, int width, int digits)
    {
        text.Append(row.Name.PadLeft(width)).Append(' ')
            .Append(' ').Append(Number(row.Precision, digits))
            .Append(' ').Append(Number(row.Recall, digits))
            .Append(' ').Append(Number(row.F1, digits))
            .Append(' ').Append(row.Support.ToString(CultureInfo.InvariantCulture).PadLeft(9)).Append('\n');
    }

    // .NET's "F" format rounds the exact binary value half-to-even, as Python's "{:.2f}" does.
    private static string Number(double value, int digits) =>
        value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).PadLeft(9);
}
