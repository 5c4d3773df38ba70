namespace Genre.Training;

/// <summary>What <see cref="TrainingJob"/> trains: features in, model folder out, how to split, the hyper-parameters.</summary>
/// <param name="FeaturesPath">The feature file (.npz) from <c>genre extract</c>.</param>
/// <param name="OutputDirectory">The model folder to write; a fold split writes one sub-folder per fold (<c>fold-K</c>).</param>
/// <param name="Split">How segments are divided into train, validation and test.</param>
/// <param name="Options">The hyper-parameters.</param>
/// <param name="SplitLists">The folder of train/valid/test.txt for fault-filtered, or the clip,genre,fold csv for artist-3fold; null for the other splits.</param>
/// <param name="Notes">Words for the model card's <c>notes</c>, as they are.</param>
/// <param name="AudioDirectory">The dataset folder the features came from, needed by waveform augmentations; null otherwise.</param>
public sealed record TrainingRequest(string FeaturesPath, string OutputDirectory, SplitKind Split, TrainingOptions Options, string? SplitLists = null, string? Notes = null,
    string? AudioDirectory = null);
