using Genre.Model;

namespace Genre.Training;

/// <summary>A saved model: where, on which split, its card, its epochs and the folder of its test-split report.</summary>
public sealed record TrainedModel(string Directory, DataSplit Split, ModelCard Card, IReadOnlyList<EpochReport> History, string ReportDirectory);
