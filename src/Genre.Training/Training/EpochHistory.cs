using Genre.Evaluation;

namespace Genre.Training;

/// <summary>Epoch reports in the form the report's curves and history files take, for every trainer.</summary>
internal static class EpochHistory
{
    public static TrainingHistory Of(IReadOnlyList<EpochReport> epochs, int bestEpoch)
    {
        var history = new TrainingHistory { BestEpoch = bestEpoch };
        history.Epochs.AddRange(epochs.Select(e => new EpochRecord(e.Epoch, e.TrainLoss, e.TrainAccuracy, e.ValidationLoss, e.ValidationAccuracy, e.Elapsed)));
        return history;
    }
}
