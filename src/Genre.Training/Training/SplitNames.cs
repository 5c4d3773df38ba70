namespace Genre.Training;

/// <summary>The command-line and model-card names of <see cref="SplitKind"/>.</summary>
public static class SplitNames
{
    /// <summary>Every name, in <see cref="SplitKind"/> order: what <c>--split</c> accepts.</summary>
    public static IReadOnlyList<string> All { get; } = ["segment", "track", "fault-filtered", "artist-3fold", "stratified-5fold"];

    /// <summary>The name of <paramref name="kind"/>, as the card's <c>training.split</c> records it.</summary>
    public static string Of(SplitKind kind) => All[(int)kind];

    /// <summary>The kind named <paramref name="name"/> (exactly, lower case).</summary>
    /// <exception cref="TrainingException">No kind has that name; the message lists the names.</exception>
    public static SplitKind Parse(string name)
    {
        var i = All.ToList().IndexOf(name);
        return i >= 0 ? (SplitKind)i : throw new TrainingException($"--split must be one of {string.Join(", ", All)} (got '{name}')");
    }
}
