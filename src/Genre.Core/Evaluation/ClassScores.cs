namespace Genre.Evaluation;

/// <summary>One row of a classification report: a genre, or an average ("macro avg", "weighted avg") over them.</summary>
/// <param name="Name">The genre, or "macro avg" or "weighted avg".</param>
/// <param name="Precision">Of the examples predicted as this genre, the fraction that are.</param>
/// <param name="Recall">Of the examples of this genre, the fraction predicted as it.</param>
/// <param name="F1">The harmonic mean of precision and recall.</param>
/// <param name="Support">Examples of this genre (all examples, for an average).</param>
public sealed record ClassScores(string Name, double Precision, double Recall, double F1, int Support);
