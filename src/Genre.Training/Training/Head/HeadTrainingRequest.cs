namespace Genre.Training.Head;

/// <summary>
/// What <see cref="HeadTrainingJob"/> trains: an embedding file from <c>genre extract --kind audioset</c> in, a model
/// folder out, how to split, the head's options, and the AudioSet model folder whose network made the embeddings (its
/// weights are copied into the new folder). SplitLists as for the CNN.
/// </summary>
/// <param name="FeaturesPath">The embedding file (.npz).</param>
/// <param name="OutputDirectory">The model folder to write; a fold split writes one sub-folder per fold (<c>fold-K</c>).</param>
/// <param name="Split">How clips are divided into train, validation and test.</param>
/// <param name="Options">The head and its hyper-parameters.</param>
/// <param name="BaseModelDirectory">The AudioSet model folder whose network made the embeddings.</param>
/// <param name="SplitLists">The split's list file or folder, as <see cref="TrainingRequest.SplitLists"/>; null for the other splits.</param>
/// <param name="Notes">Words for the model card's <c>notes</c>, as they are.</param>
public sealed record HeadTrainingRequest(string FeaturesPath, string OutputDirectory, SplitKind Split, HeadTrainingOptions Options, string BaseModelDirectory,
    string? SplitLists = null, string? Notes = null)
{
    /// <summary>The dataset folder the embeddings were extracted from; fine-tuning (<see cref="HeadTrainingOptions.FineTuneBlocks"/>) decodes its files again.</summary>
    public string? DataDirectory { get; init; }
}
