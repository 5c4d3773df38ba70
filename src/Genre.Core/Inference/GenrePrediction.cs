namespace Genre.Inference;

/// <summary>
/// What a track is: the genre, its confidence, every genre's probability (in the classifier's stable genre order),
/// and the per-window probabilities with their start times. Silence-only input has <see cref="IsSilent"/> set, and
/// input the network hears as something other than music has <see cref="IsMusic"/> false; neither has a genre: the
/// model is not asked to guess.
/// </summary>
public sealed record GenrePrediction
{
    /// <summary>The most probable genre; null when the input is silent or not music.</summary>
    public required string? Genre { get; init; }

    /// <summary>The calibrated probability of <see cref="Genre"/>; 0 when there is no genre.</summary>
    public required float Confidence { get; init; }

    /// <summary>Every genre's calibrated probability for the track, in the classifier's genre order.</summary>
    public required IReadOnlyList<GenreProbability> Probabilities { get; init; }

    /// <summary>Every window scored, in time order, with its own probabilities: a timeline of the track.</summary>
    public required IReadOnlyList<SegmentPrediction> Segments { get; init; }

    /// <summary>The length of the audio decoded: the whole track, or at most its first 30 s for <see cref="PredictionWindow.First30"/>.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Which windows were scored.</summary>
    public required PredictionWindow Window { get; init; }

    /// <summary>No window held audible sound.</summary>
    public bool IsSilent { get; init; }

    /// <summary>The network's probability that the input is music (for AudioSet: its strongest music class); null for kinds that cannot tell.</summary>
    public float? MusicProbability { get; init; }

    /// <summary>The strongest sound the network hears that is not music (speech, noise, ...); null for kinds that cannot tell.</summary>
    public TagProbability? OtherSound { get; init; }

    /// <summary>
    /// False when the network hears something other than music more strongly than any music (its strongest other class
    /// beats its strongest music class); null for kinds that cannot tell.
    /// </summary>
    public bool? IsMusic => MusicDetection.IsMusic(MusicProbability, OtherSound?.Probability);

    /// <summary>The strongest other music tags (instruments, moods, styles), as many as asked for; empty for kinds that know none.</summary>
    public IReadOnlyList<TagProbability> Tags { get; init; } = [];

    /// <summary>The <paramref name="count"/> most likely genres, most likely first.</summary>
    public IEnumerable<GenreProbability> Top(int count) =>
        Probabilities.OrderByDescending(p => p.Probability).Take(Math.Max(0, count));
}
