using Genre.Data;

namespace Genre.Training;

/// <summary>Hears about a training run as it goes (hosts print it).</summary>
public interface ITrainingObserver
{
    /// <summary>A split is made and its training is about to start.</summary>
    void SplitReady(DataSplit split);

    /// <summary>An epoch of <paramref name="split"/>'s training is done, with its losses and accuracies.</summary>
    void EpochDone(DataSplit split, EpochReport report);

    /// <summary>
    /// Fine-tuning (<c>--fine-tune</c>) has decoded one more file of <paramref name="split"/>'s embedding set again and run
    /// it through the network's frozen part (<see cref="ExtractionProgress.Done"/> of <see cref="ExtractionProgress.Total"/>);
    /// the epochs follow. Nothing by default.
    /// </summary>
    void FineTuneFileReady(DataSplit split, ExtractionProgress progress)
    {
    }
}
