namespace Genre.Inference;

/// <summary>
/// What a track is: the genre, its confidence, every genre's probability (in the classifier's stable genre order),
/// and the per-segment probabilities with their start times. Silence-only input has <see cref="IsSilent"/> set and no
/// genre: the model is not asked to guess.
/// </summary>
public sealed record GenrePrediction
{
    public required string? Genre { get; init; }

    public required float Confidence { get; init; }

    public required IReadOnlyList<GenreProbability> Probabilities { get; init; }

    public required IReadOnlyList<SegmentPrediction> Segments { get; init; }

    public required TimeSpan Duration { get; init; }

    public required PredictionWindow Window { get; init; }

    public bool IsSilent => Genre is null;

    /// <summary>The <paramref name="count"/> most likely genres, most likely first.</summary>
    public IEnumerable<GenreProbability> Top(int count) =>
        Probabilities.OrderByDescending(p => p.Probability).Take(Math.Max(0, count));
}
