namespace Genre.Evaluation;

/// <summary>
/// An off-diagonal cell of the confusion matrix: <see cref="Count"/> examples of <see cref="Actual"/> predicted as
/// <see cref="Predicted"/>; <see cref="Rate"/> is that count over the support of <see cref="Actual"/>.
/// </summary>
/// <param name="Actual">The true genre.</param>
/// <param name="Predicted">The genre predicted instead.</param>
/// <param name="Count">How many examples of <paramref name="Actual"/> were predicted as <paramref name="Predicted"/>.</param>
/// <param name="Rate"><paramref name="Count"/> over the examples of <paramref name="Actual"/>.</param>
public sealed record ConfusedPair(string Actual, string Predicted, int Count, double Rate);
