namespace Genre.Evaluation;

/// <summary>The epochs of one training run, in order, and which of them produced the kept model.</summary>
internal sealed class TrainingHistory
{
    public List<EpochRecord> Epochs { get; } = new();

    /// <summary>The <see cref="EpochRecord.Epoch"/> number of the kept (best validation) model; 0 when none was marked.</summary>
    public int BestEpoch { get; set; }
}
