namespace Genre.Evaluation;

/// <summary>The shape of <c>history.json</c>: the best epoch and every epoch's losses, accuracies and time.</summary>
internal sealed record HistoryDocument(int BestEpoch, EpochDocument[] Epochs);
