namespace Genre.Training;

/// <summary>One division of a feature set's segments (indices into it) into train, validation and test.</summary>
public sealed record DataSplit(string Name, int[] Train, int[] Validation, int[] Test, string Description)
{
    /// <summary>Clips the split lists name but the feature set does not have: reported, not fatal.</summary>
    public IReadOnlyList<string> MissingClips { get; init; } = [];
}
