namespace Genre.Training;

/// <summary>One finished epoch. Train figures are running averages over the epoch's batches (dropout on).</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Epochs">The epochs asked for.</param>
/// <param name="TrainLoss">Mean cross-entropy over the training batches.</param>
/// <param name="TrainAccuracy">The fraction of training examples right during the epoch.</param>
/// <param name="ValidationLoss">Mean cross-entropy on the validation part after the epoch.</param>
/// <param name="ValidationAccuracy">The fraction of the validation part right after the epoch.</param>
/// <param name="EpochTime">How long the epoch took.</param>
/// <param name="Elapsed">Time since training started.</param>
/// <param name="IsBest">Whether the epoch has the lowest validation loss so far: its weights are the ones kept for now.</param>
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
