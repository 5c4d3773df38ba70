using Genre.Model;

namespace Genre.Training;

/// <summary>A saved model: where, on which split, its card and its epochs.</summary>
public sealed record TrainedModel(string Directory, DataSplit Split, ModelCard Card, IReadOnlyList<EpochReport> History);
