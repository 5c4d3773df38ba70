using Genre.Evaluation;
using Shouldly;

namespace Genre.Core.Tests.Evaluation;

public sealed class HistoryFilesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("genre-history-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Csv_round_trips_every_epoch_and_the_best_epoch()
    {
        var history = WithAwkwardNumbers(ReportFixture.History());
        var path = Path.Combine(_directory, "history.csv");

        HistoryFiles.WriteCsv(path, history);
        var read = HistoryFiles.ReadCsv(path);

        read.BestEpoch.ShouldBe(4);
        read.Epochs.ShouldBe(history.Epochs);
        File.ReadAllLines(path)[0].ShouldBe("epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,elapsed_seconds,best");
    }

    [Fact]
    public void Json_round_trips_every_epoch_and_the_best_epoch()
    {
        var history = WithAwkwardNumbers(ReportFixture.History());
        var path = Path.Combine(_directory, "history.json");

        HistoryFiles.WriteJson(path, history);
        var read = HistoryFiles.ReadJson(path);

        read.BestEpoch.ShouldBe(4);
        read.Epochs.ShouldBe(history.Epochs);
        File.ReadAllText(path).ShouldContain("\"validation_accuracy\"");
    }

    [Fact]
    public void Csv_that_is_not_a_history_is_rejected()
    {
        var path = Path.Combine(_directory, "other.csv");
        File.WriteAllText(path, "a,b\n1,2\n");

        Should.Throw<InvalidDataException>(() => HistoryFiles.ReadCsv(path));
    }

    // A diverged epoch (NaN loss), a value that needs all 17 digits, and a sub-millisecond elapsed time.
    private static TrainingHistory WithAwkwardNumbers(TrainingHistory history)
    {
        history.Epochs[1] = history.Epochs[1] with { TrainLoss = double.NaN, ValidationLoss = 0.1 + 0.2, Elapsed = TimeSpan.FromTicks(123_456_789_123) };
        return history;
    }
}
