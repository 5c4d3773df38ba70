namespace Genre.Inference;

/// <summary>One genre and its calibrated probability.</summary>
public sealed record GenreProbability(string Genre, float Probability);
