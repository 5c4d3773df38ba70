namespace Genre.Evaluation;

/// <summary>One row of a classification report: a genre, or an average ("macro avg", "weighted avg") over them.</summary>
public sealed record ClassScores(string Name, double Precision, double Recall, double F1, int Support);
