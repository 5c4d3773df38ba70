using System.Globalization;
using ScottPlot;

namespace Genre.Evaluation;

/// <summary>top_confused_pairs.png: the most frequent (true -> predicted) mistakes as horizontal bars, largest on top.</summary>
internal static class ConfusedPairsChart
{
    public const int Width = 900;
    public const int Height = 550;

    public static void Save(string path, IReadOnlyList<ConfusedPair> pairs)
    {
        using var plot = new Plot();
        var n = pairs.Count;
        if (n > 0)
        {
            var bars = plot.Add.Bars(pairs.Select((_, i) => (double)(n - 1 - i)), pairs.Select(p => (double)p.Count));
            bars.Horizontal = true;
            bars.Color = Colors.IndianRed;
            for (var i = 0; i < n; i++)
            {
                bars.Bars[i].Label = pairs[i].Count.ToString(CultureInfo.InvariantCulture);
            }

            plot.Axes.Left.SetTicks(
                [.. pairs.Select((_, i) => (double)(n - 1 - i))],
                [.. pairs.Select(p => $"{p.Actual} \u2192 {p.Predicted}")]);
            plot.Axes.SetLimits(0, pairs.Max(p => p.Count) * 1.15, -0.6, n - 0.4);
        }

        ChartFile.IntegerTicks(plot.Axes.Bottom);
        plot.Title(n > 0 ? "Most confused genre pairs (segments, true \u2192 predicted)" : "No confused genre pairs");
        plot.XLabel("Segments");
        ChartFile.Save(path, plot, Width, Height);
    }
}
