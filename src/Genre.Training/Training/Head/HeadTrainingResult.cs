using Genre.Evaluation;
using Genre.Kinds.AudioSetHead;
using Genre.Model;

namespace Genre.Training.Head;

/// <summary>
/// A trained head (the best-validation epoch's parameters), what training measured, its temperature fitted on the
/// validation windows, and its raw outputs on the test windows, from which the report is written.
/// </summary>
internal sealed record HeadTrainingResult(EmbeddingHead Head, IReadOnlyList<EpochReport> History, int BestEpoch, float Temperature, ModelMetrics Metrics,
    EvaluationInput Test, CalibrationRecord Calibration)
{
    public TrainingHistory ToTrainingHistory() => EpochHistory.Of(History, BestEpoch);
}
