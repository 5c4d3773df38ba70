using Genre.Model;

namespace Genre.Training;

/// <summary>One division of a feature set's segments (indices into it) into train, validation and test.</summary>
/// <param name="Name">The split's name (<c>track</c>, <c>fold-2</c>, ...), which names a fold's sub-folder.</param>
/// <param name="Train">The rows trained on.</param>
/// <param name="Validation">The rows that choose the kept epoch and fit the temperature.</param>
/// <param name="Test">The rows held out for the card's test figures and the report.</param>
/// <param name="Description">How the rows were chosen, in words, for the card.</param>
public sealed record DataSplit(string Name, int[] Train, int[] Validation, int[] Test, string Description)
{
    /// <summary>Clips the split lists name but the feature set does not have: reported, not fatal.</summary>
    public IReadOnlyList<string> MissingClips { get; init; } = [];

    /// <summary>
    /// The clips a model trained on this split was fitted on, sorted, for its card: training and validation, since
    /// validation chose the epoch and fitted the temperature. <paramref name="tracks"/> names each row's clip.
    /// </summary>
    internal string[] FittedClips(IReadOnlyList<string> tracks) =>
        [.. Train.Concat(Validation).Select(i => tracks[i]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The card's record of the data: the feature file's hash and name, its size, and this split's part sizes.</summary>
    internal DataFingerprint Fingerprint(string sha256, string featuresPath, int rows, int clips) => new()
    {
        Sha256 = sha256,
        File = Path.GetFileName(featuresPath),
        Segments = rows,
        Clips = clips,
        TrainSegments = Train.Length,
        ValidationSegments = Validation.Length,
        TestSegments = Test.Length,
    };
}
