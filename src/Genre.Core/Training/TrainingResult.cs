using Genre.Model;

namespace Genre.Training;

/// <summary>A trained network (the best-validation epoch's weights, eval mode) and what training measured.</summary>
public sealed class TrainingResult(GenreCnn model, IReadOnlyList<EpochReport> history, int bestEpoch, float temperature, ModelMetrics metrics) : IDisposable
{
    public GenreCnn Model { get; } = model;

    public IReadOnlyList<EpochReport> History { get; } = history;

    public int BestEpoch { get; } = bestEpoch;

    public int EpochsRun => History.Count;

    public float Temperature { get; } = temperature;

    public ModelMetrics Metrics { get; } = metrics;

    public void Dispose() => Model.Dispose();
}
