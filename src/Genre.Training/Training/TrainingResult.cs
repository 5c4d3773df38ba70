using Genre.Evaluation;
using Genre.Model;
using static TorchSharp.torch;

namespace Genre.Training;

/// <summary>
/// A trained network (the best-validation epoch's weights, eval mode), what training measured, and the kept model's
/// outputs on the test split, from which the evaluation report is written.
/// </summary>
internal sealed class TrainingResult(nn.Module<Tensor, Tensor> model, IReadOnlyList<EpochReport> history, int bestEpoch, float temperature, ModelMetrics metrics,
    EvaluationInput test) : IDisposable
{
    /// <summary>The network of the options' kind (<see cref="GenreCnn"/> or the CRNN).</summary>
    public nn.Module<Tensor, Tensor> Model { get; } = model;

    public IReadOnlyList<EpochReport> History { get; } = history;

    public int BestEpoch { get; } = bestEpoch;

    public int EpochsRun => History.Count;

    public float Temperature { get; } = temperature;

    public ModelMetrics Metrics { get; } = metrics;

    /// <summary>Logits, labels and clips of the test segments, in split order.</summary>
    public EvaluationInput Test { get; } = test;

    /// <summary>The epochs in the form the report's curves and history files take.</summary>
    public TrainingHistory ToTrainingHistory() => EpochHistory.Of(History, BestEpoch);

    public void Dispose() => Model.Dispose();
}
