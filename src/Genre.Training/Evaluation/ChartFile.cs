using Genre.Data;
using ScottPlot;

namespace Genre.Evaluation;

/// <summary>Renders ScottPlot figures headless to PNG bytes and writes them atomically.</summary>
internal static class ChartFile
{
    public static void Save(string path, Plot plot, int width, int height)
    {
        var png = plot.GetImageBytes(width, height, ImageFormat.Png);
        AtomicFile.Write(path, stream => stream.Write(png));
    }

    /// <summary>Two panels in one figure, left and right, each half the width.</summary>
    public static void SaveSideBySide(string path, Plot left, Plot right, int width, int height)
    {
        var multiplot = new Multiplot(left);
        multiplot.AddPlot(right);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Columns();
        using var image = multiplot.Render(width, height);
        var png = image.GetImageBytes(ImageFormat.Png, 100);
        AtomicFile.Write(path, stream => stream.Write(png));
    }

    /// <summary>For counts and epoch numbers, where a tick at 2.5 means nothing.</summary>
    public static void IntegerTicks(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

    /// <summary>Category names as ticks at 0..n-1 on the bottom axis, slanted so ten genre names do not overlap.</summary>
    public static void CategoryTicksBottom(Plot plot, IReadOnlyList<string> names)
    {
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, names.Count).Select(i => (double)i)], [.. names]);
        plot.Axes.Bottom.TickLabelStyle.Rotation = -45;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        if (plot.Axes.Bottom is ScottPlot.AxisPanels.AxisBase axis)
        {
            axis.MinimumSize = 90;
        }
    }
}
