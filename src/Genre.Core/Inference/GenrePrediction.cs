namespace Genre.Inference;

/// <summary>
/// What a track is: the genre, its confidence, every genre's probability (in the classifier's stable genre order),
/// and the per-window probabilities with their start times. Silence-only input has <see cref="IsSilent"/> set, and
/// input the network hears as something other than music has <see cref="IsMusic"/> false; neither has a genre: the
/// model is not asked to guess.
/// </summary>
public sealed record GenrePrediction
{
    public required string? Genre { get; init; }

    public required float Confidence { get; init; }

    public required IReadOnlyList<GenreProbability> Probabilities { get; init; }

    public required IReadOnlyList<SegmentPrediction> Segments { get; init; }

    public required TimeSpan Duration { get; init; }

    public required PredictionWindow Window { get; init; }

    /// <summary>No window held audible sound.</summary>
    public bool IsSilent { get; init; }

    /// <summary>The network's probability that the input is music (for AudioSet: its strongest music class); null for kinds that cannot tell.</summary>
    public float? MusicProbability { get; init; }

    /// <summary>The strongest sound the network hears that is not music (speech, noise, ...); null for kinds that cannot tell.</summary>
    public TagProbability? OtherSound { get; init; }

    /// <summary>False when the network hears something other than music more strongly than any music (<see cref="MusicDetection"/>); null for kinds that cannot tell.</summary>
    public bool? IsMusic => MusicDetection.IsMusic(MusicProbability, OtherSound?.Probability);

    /// <summary>The strongest other music tags (instruments, moods, styles), as many as asked for; empty for kinds that know none.</summary>
    public IReadOnlyList<TagProbability> Tags { get; init; } = [];

    /// <summary>The <paramref name="count"/> most likely genres, most likely first.</summary>
    public IEnumerable<GenreProbability> Top(int count) =>
        Probabilities.OrderByDescending(p => p.Probability).Take(Math.Max(0, count));
}
