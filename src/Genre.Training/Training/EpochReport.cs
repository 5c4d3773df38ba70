namespace Genre.Training;

/// <summary>One finished epoch. Train figures are running averages over the epoch's batches (dropout on).</summary>
public sealed record EpochReport(
    int Epoch,
    int Epochs,
    double TrainLoss,
    double TrainAccuracy,
    double ValidationLoss,
    double ValidationAccuracy,
    TimeSpan EpochTime,
    TimeSpan Elapsed,
    bool IsBest);
