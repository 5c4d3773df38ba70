namespace Genre.Training;

/// <summary>
/// What <see cref="TrainingJob"/> trains: features in, model folder out, how to split, the hyper-parameters.
/// Notes go into the model card as they are. SplitLists is the folder of train/valid/test.txt for fault-filtered and the clip,genre,fold csv for artist-3fold.
/// </summary>
public sealed record TrainingRequest(string FeaturesPath, string OutputDirectory, SplitKind Split, TrainingOptions Options, string? SplitLists = null, string? Notes = null,
    string? AudioDirectory = null);
