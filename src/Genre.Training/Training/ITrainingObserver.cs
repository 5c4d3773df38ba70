namespace Genre.Training;

/// <summary>Hears about a training run as it goes (hosts print it).</summary>
public interface ITrainingObserver
{
    /// <summary>A split is made and its training is about to start.</summary>
    void SplitReady(DataSplit split);

    /// <summary>An epoch of <paramref name="split"/>'s training is done, with its losses and accuracies.</summary>
    void EpochDone(DataSplit split, EpochReport report);
}
