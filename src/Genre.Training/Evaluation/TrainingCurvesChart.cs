using ScottPlot;

namespace Genre.Evaluation;

/// <summary>training_curves.png: loss and accuracy per epoch, training against validation, the kept epoch marked.</summary>
internal static class TrainingCurvesChart
{
    public const int Width = 1200;
    public const int Height = 500;

    public static void Save(string path, TrainingHistory history)
    {
        var epochs = history.Epochs.Select(e => (double)e.Epoch).ToArray();
        // Loss falls and accuracy rises: the legends go where the curves usually are not.
        using var loss = Panel(history, epochs, "Loss", e => e.TrainLoss, e => e.ValidationLoss, Alignment.UpperRight);
        using var accuracy = Panel(history, epochs, "Accuracy", e => e.TrainAccuracy, e => e.ValidationAccuracy, Alignment.LowerRight);
        ChartFile.SaveSideBySide(path, loss, accuracy, Width, Height);
    }

    private static Plot Panel(
        TrainingHistory history, double[] epochs, string name, Func<EpochRecord, double> train, Func<EpochRecord, double> validation,
        Alignment legend)
    {
        var plot = new Plot();
        var trainLine = plot.Add.Scatter(epochs, history.Epochs.Select(train).ToArray(), Colors.SteelBlue);
        trainLine.LegendText = "Training";
        var validationLine = plot.Add.Scatter(epochs, history.Epochs.Select(validation).ToArray(), Colors.DarkOrange);
        validationLine.LegendText = "Validation";
        if (history.BestEpoch > 0)
        {
            var best = plot.Add.VerticalLine(history.BestEpoch, 1, Colors.Gray, LinePattern.Dashed);
            best.LegendText = $"Kept (epoch {history.BestEpoch})";
        }

        plot.ShowLegend(legend);
        ChartFile.IntegerTicks(plot.Axes.Bottom);
        plot.Title(name);
        plot.XLabel("Epoch");
        plot.YLabel(name);
        return plot;
    }
}
