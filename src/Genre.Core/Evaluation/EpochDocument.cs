namespace Genre.Evaluation;

/// <summary>One epoch of <see cref="HistoryDocument"/>.</summary>
internal sealed record EpochDocument(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValidationLoss,
    double ValidationAccuracy,
    double ElapsedSeconds);
