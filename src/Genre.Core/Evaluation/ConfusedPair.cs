namespace Genre.Evaluation;

/// <summary>
/// An off-diagonal cell of the confusion matrix: <see cref="Count"/> examples of <see cref="Actual"/> predicted as
/// <see cref="Predicted"/>; <see cref="Rate"/> is that count over the support of <see cref="Actual"/>.
/// </summary>
public sealed record ConfusedPair(string Actual, string Predicted, int Count, double Rate);
