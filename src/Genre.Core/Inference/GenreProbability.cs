namespace Genre.Inference;

/// <summary>One genre and its calibrated probability.</summary>
/// <param name="Genre">The genre's name, as the model card lists it.</param>
/// <param name="Probability">Its probability, in 0..1.</param>
public sealed record GenreProbability(string Genre, float Probability);
