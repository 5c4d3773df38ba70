namespace Genre.Training;

/// <summary>Hears about a training run as it goes (hosts print it).</summary>
public interface ITrainingObserver
{
    /// <summary>A split is made and its training is about to start.</summary>
    void SplitReady(DataSplit split);

    void EpochDone(DataSplit split, EpochReport report);
}
