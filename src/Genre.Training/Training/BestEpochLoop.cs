using System.Diagnostics;

namespace Genre.Training;

/// <summary>
/// The loop every trainer here runs (the CNN's, the head's, fine-tuning's): epochs in order, each timed and reported;
/// the epoch with the lowest validation loss is the one kept (the caller snapshots its parameters when told); training
/// stops early after <c>patience</c> epochs without a better one.
/// </summary>
internal static class BestEpochLoop
{
    /// <summary>One epoch's training loss and accuracy, then the validation loss and accuracy after it.</summary>
    public delegate (double TrainLoss, double TrainAccuracy, double ValidationLoss, double ValidationAccuracy) Epoch(int epoch);

    /// <summary>
    /// Runs up to <paramref name="epochs"/> epochs; <paramref name="keep"/> is called after each epoch that beats
    /// <paramref name="bestLoss"/> (the loss to beat: infinity, or a starting model's). Reports are numbered from
    /// <paramref name="offset"/> + 1, so a second stage continues the first stage's history. Returns the history and
    /// the best epoch (from 1; 0 if none beat <paramref name="bestLoss"/>), both without the offset.
    /// </summary>
    public static (List<EpochReport> History, int BestEpoch) Run(int epochs, int? patience, double bestLoss, Epoch epoch, Action<int> keep,
        Action<EpochReport>? onEpoch, CancellationToken cancellationToken, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        ArgumentNullException.ThrowIfNull(keep);
        var history = new List<EpochReport>();
        var bestEpoch = 0;
        var clock = Stopwatch.StartNew();
        for (var e = 1; e <= epochs; e++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = clock.Elapsed;
            var (trainLoss, trainAccuracy, validationLoss, validationAccuracy) = epoch(e);
            var isBest = validationLoss < bestLoss;
            if (isBest)
            {
                bestLoss = validationLoss;
                bestEpoch = e;
                keep(e);
            }

            var report = new EpochReport(e + offset, epochs + offset, trainLoss, trainAccuracy, validationLoss, validationAccuracy, clock.Elapsed - started,
                clock.Elapsed, isBest);
            history.Add(report);
            onEpoch?.Invoke(report);
            if (patience is { } p && e - bestEpoch >= p)
            {
                break;
            }
        }

        return (history, bestEpoch);
    }
}
