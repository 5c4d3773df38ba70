using System.Globalization;
using ScottPlot;

namespace Genre.Evaluation;

/// <summary>confusion_matrix.png: a heatmap of counts, each cell annotated, true genres down, predicted across.</summary>
internal static class ConfusionMatrixChart
{
    public const int Width = 900;
    public const int Height = 800;

    public static void Save(string path, int[][] matrix, IReadOnlyList<string> genres, string title)
    {
        var n = genres.Count;
        var counts = new double[n, n];
        var max = 1;
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                counts[r, c] = matrix[r][c];
                max = Math.Max(max, matrix[r][c]);
            }
        }

        using var plot = new Plot();
        // ScottPlot draws row 0 at the top with cell centres on integers: row r sits at y = n - 1 - r.
        var heatmap = plot.Add.Heatmap(counts);
        // Reversed so that more examples means darker, as in sklearn's ConfusionMatrixDisplay.
        heatmap.Colormap = new ScottPlot.Colormaps.Reversed(new ScottPlot.Colormaps.Blues());
        plot.Add.ColorBar(heatmap, Edge.Right);
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++)
            {
                var label = plot.Add.Text(matrix[r][c].ToString(CultureInfo.InvariantCulture), c, n - 1 - r);
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontSize = n > 12 ? 10 : 14;
                // Dark cells need light text to stay readable.
                label.LabelFontColor = matrix[r][c] > max / 2.0 ? Colors.White : Colors.Black;
            }
        }

        ChartFile.CategoryTicksBottom(plot, genres);
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, n).Select(r => (double)(n - 1 - r))], [.. genres]);
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.HideGrid();
        plot.Title(title);
        plot.XLabel("Predicted genre");
        plot.YLabel("True genre");
        ChartFile.Save(path, plot, Width, Height);
    }
}
