namespace Genre.Inference;

/// <summary>A tag the network knows beyond the genres (an instrument, a mood, another style) and its probability.</summary>
public sealed record TagProbability(string Tag, float Probability);
