using Genre.Model;

namespace Genre.Training;

/// <summary>A saved model: where, on which split, its card, its epochs and the folder of its test-split report.</summary>
/// <param name="Directory">The model folder written.</param>
/// <param name="Split">The split it was trained on.</param>
/// <param name="Card">Its card, as written.</param>
/// <param name="History">Every epoch run, in order.</param>
/// <param name="ReportDirectory">The folder of its test-split report (<see cref="TrainingJob.ReportFolderName"/> inside the model folder).</param>
public sealed record TrainedModel(string Directory, DataSplit Split, ModelCard Card, IReadOnlyList<EpochReport> History, string ReportDirectory);
