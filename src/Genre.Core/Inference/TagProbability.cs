namespace Genre.Inference;

/// <summary>A tag the network knows beyond the genres (an instrument, a mood, another style) and its probability.</summary>
/// <param name="Tag">The tag's name (an AudioSet class, such as "Electric guitar").</param>
/// <param name="Probability">The network's probability for it, in 0..1.</param>
public sealed record TagProbability(string Tag, float Probability);
