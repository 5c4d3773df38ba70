namespace Genre.Evaluation;

/// <summary>One training epoch: mean losses and accuracies on the training and validation sets, and wall time so far.</summary>
internal sealed record EpochRecord(
    int Epoch,
    double TrainLoss,
    double TrainAccuracy,
    double ValidationLoss,
    double ValidationAccuracy,
    TimeSpan Elapsed);
