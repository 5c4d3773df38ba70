namespace Genre.Training.Head;

/// <summary>
/// What <see cref="HeadTrainingJob"/> trains: an embedding file from <c>genre extract --kind audioset</c> in, a model
/// folder out, how to split, the head's options, and the AudioSet model folder whose network made the embeddings (its
/// weights are copied into the new folder). SplitLists as for the CNN.
/// </summary>
public sealed record HeadTrainingRequest(string FeaturesPath, string OutputDirectory, SplitKind Split, HeadTrainingOptions Options, string BaseModelDirectory,
    string? SplitLists = null, string? Notes = null);
