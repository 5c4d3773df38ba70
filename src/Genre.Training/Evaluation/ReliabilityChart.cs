using ScottPlot;

namespace Genre.Evaluation;

/// <summary>reliability_diagram.png: accuracy against confidence per bin, before and after temperature scaling.</summary>
internal static class ReliabilityChart
{
    public const int Width = 1200;
    public const int Height = 550;

    public static void Save(string path, EvaluationSummary summary)
    {
        using var before = Panel(summary.ReliabilityBefore, $"Before temperature scaling (ECE {summary.EceBefore:0.0000})");
        using var after = Panel(summary.ReliabilityAfter, $"After, T = {summary.Temperature:0.###} (ECE {summary.EceAfter:0.0000})");
        ChartFile.SaveSideBySide(path, before, after, Width, Height);
    }

    private static Plot Panel(IReadOnlyList<ReliabilityBin> bins, string title)
    {
        var plot = new Plot();
        var bars = plot.Add.Bars(bins.Select(b => new Bar
        {
            Position = (b.Lower + b.Upper) / 2,
            Value = b.Accuracy,
            Size = b.Upper - b.Lower,
            FillColor = Colors.SteelBlue,
            LineColor = Colors.Black,
            // An empty bin says nothing: leave a hole rather than a zero-accuracy bar.
            IsVisible = b.Count > 0,
        }).ToArray());
        bars.LegendText = "Accuracy";
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.Color = Colors.Gray;
        diagonal.LegendText = "Perfect calibration";
        plot.Axes.SetLimits(0, 1, 0, 1);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title(title);
        plot.XLabel("Confidence (top-class probability)");
        plot.YLabel("Accuracy");
        return plot;
    }
}
