using Genre.Inference;

namespace Genre.Kinds;

/// <summary>
/// What a model made of the chosen windows: one logit per genre per window (row-major), which windows were digital
/// silence, and, for kinds that know it, the probability that the input is music and its strongest other tags.
/// </summary>
internal sealed record WindowOutputs(float[] GenreLogits, bool[] Silent)
{
    /// <summary>Mean over the non-silent windows of the network's own "Music" probability; null if the kind cannot tell.</summary>
    public float? MusicProbability { get; init; }

    /// <summary>The strongest class that is not music (speech, noise, ...), for kinds that know any.</summary>
    public TagProbability? OtherSound { get; init; }

    public IReadOnlyList<TagProbability> Tags { get; init; } = [];
}
