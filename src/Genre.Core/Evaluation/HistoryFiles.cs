using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Genre.Evaluation;

/// <summary>
/// history.csv and history.json: one row or object per epoch (elapsed time in seconds), and which epoch was kept.
/// Both read back into an equal <see cref="TrainingHistory"/>.
/// </summary>
internal static class HistoryFiles
{
    private const string CsvHeader = "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,elapsed_seconds,best";

    public static void WriteCsv(string path, TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (var e in history.Epochs)
        {
            // "R" round-trips every double exactly, so reading the file back gives the same numbers.
            text.Append(CultureInfo.InvariantCulture, $"{e.Epoch},{e.TrainLoss:R},{e.TrainAccuracy:R},{e.ValidationLoss:R},")
                .Append(CultureInfo.InvariantCulture, $"{e.ValidationAccuracy:R},{e.Elapsed.TotalSeconds:R},")
                .Append(e.Epoch == history.BestEpoch ? '1' : '0').Append('\n');
        }

        ReportFile.WriteText(path, text.ToString());
    }

    public static TrainingHistory ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != CsvHeader)
        {
            throw new InvalidDataException($"{path}: not a history CSV (expected the header '{CsvHeader}').");
        }

        var history = new TrainingHistory();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var f = line.Split(',');
            if (f.Length != 7)
            {
                throw new InvalidDataException($"{path}: '{line}' does not have 7 fields.");
            }

            var record = new EpochRecord(
                int.Parse(f[0], CultureInfo.InvariantCulture),
                Number(f[1]),
                Number(f[2]),
                Number(f[3]),
                Number(f[4]),
                FromSeconds(Number(f[5])));
            history.Epochs.Add(record);
            if (f[6] == "1")
            {
                history.BestEpoch = record.Epoch;
            }
        }

        return history;
    }

    public static void WriteJson(string path, TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        ReportFile.WriteJson(path, new HistoryDocument(
            history.BestEpoch,
            [.. history.Epochs.Select(e => new EpochDocument(
                e.Epoch, e.TrainLoss, e.TrainAccuracy, e.ValidationLoss, e.ValidationAccuracy, e.Elapsed.TotalSeconds))]),
            ReportJsonContext.Default.HistoryDocument);
    }

    public static TrainingHistory ReadJson(string path)
    {
        using var stream = File.OpenRead(path);
        var document = JsonSerializer.Deserialize(stream, ReportJsonContext.Default.HistoryDocument)
            ?? throw new InvalidDataException($"{path}: empty history JSON.");
        var history = new TrainingHistory { BestEpoch = document.BestEpoch };
        history.Epochs.AddRange(document.Epochs.Select(e => new EpochRecord(
            e.Epoch, e.TrainLoss, e.TrainAccuracy, e.ValidationLoss, e.ValidationAccuracy, FromSeconds(e.ElapsedSeconds))));
        return history;
    }

    private static double Number(string field) => double.Parse(field, NumberStyles.Float, CultureInfo.InvariantCulture);

    // Rounding to whole ticks undoes the seconds conversion exactly for any realistic training time.
    private static TimeSpan FromSeconds(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
}
