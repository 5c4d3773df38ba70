using ScottPlot;

namespace Genre.Evaluation;

/// <summary>per_class_accuracy.png: each genre's accuracy (its recall), segments and clips side by side.</summary>
internal static class PerGenreAccuracyChart
{
    public const int Width = 900;
    public const int Height = 550;

    public static void Save(string path, EvaluationSummary summary, IReadOnlyList<string> genres)
    {
        using var plot = new Plot();
        AddSeries(plot, summary.Segment, -0.2, "Segments", Colors.SteelBlue);
        AddSeries(plot, summary.Clip, 0.2, "Clips", Colors.DarkOrange);
        ChartFile.CategoryTicksBottom(plot, genres);
        // Headroom above 1 keeps the legend off the bars.
        plot.Axes.SetLimits(-0.6, genres.Count - 0.4, 0, 1.15);
        plot.ShowLegend(Alignment.UpperRight, Orientation.Horizontal);
        plot.Title($"Per-genre accuracy (segments {summary.SegmentAccuracy:P1}, clips {summary.ClipAccuracy:P1})");
        plot.YLabel("Accuracy (recall)");
        ChartFile.Save(path, plot, Width, Height);
    }

    private static void AddSeries(Plot plot, ClassificationScores scores, double offset, string name, Color color)
    {
        var bars = plot.Add.Bars(
            scores.PerGenre.Select((_, i) => i + offset),
            scores.PerGenre.Select(s => s.Recall));
        foreach (var bar in bars.Bars)
        {
            bar.Size = 0.4;
        }

        bars.Color = color;
        bars.LegendText = name;
    }
}
