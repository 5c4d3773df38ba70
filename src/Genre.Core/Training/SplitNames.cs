namespace Genre.Training;

/// <summary>The command-line and model-card names of <see cref="SplitKind"/>.</summary>
public static class SplitNames
{
    public static IReadOnlyList<string> All { get; } = ["segment", "track", "fault-filtered", "artist-3fold", "track-5fold"];

    public static string Of(SplitKind kind) => All[(int)kind];

    public static SplitKind Parse(string name)
    {
        var i = All.ToList().IndexOf(name);
        return i >= 0 ? (SplitKind)i : throw new TrainingException($"--split must be one of {string.Join(", ", All)} (got '{name}')");
    }
}
