namespace Genre.Evaluation;

/// <summary>
/// sklearn's classification_report numbers for one set of predictions: per-genre precision, recall, F1 and support,
/// accuracy, macro and support-weighted averages, and the confusion matrix they come from. A score with a zero
/// denominator is 0 (sklearn's zero_division default), and every genre counts in the averages, present or not.
/// </summary>
/// <param name="Count">Examples scored.</param>
/// <param name="Accuracy">The fraction predicted right.</param>
/// <param name="PerGenre">Each genre's scores, in the model's genre order.</param>
/// <param name="MacroAverage">The unweighted mean over genres.</param>
/// <param name="WeightedAverage">The mean over genres weighted by their support.</param>
/// <param name="ConfusionMatrix">Counts by [true genre][predicted genre], in the model's genre order.</param>
public sealed record ClassificationScores(
    int Count,
    double Accuracy,
    IReadOnlyList<ClassScores> PerGenre,
    ClassScores MacroAverage,
    ClassScores WeightedAverage,
    int[][] ConfusionMatrix)
{
    /// <summary>The scores of <paramref name="predicted"/> against <paramref name="labels"/>.</summary>
    /// <param name="genres">The genre names; a label or prediction is an index into them.</param>
    /// <param name="predicted">Each example's predicted genre.</param>
    /// <param name="labels">Each example's true genre.</param>
    /// <exception cref="ArgumentException">The two arrays differ in length.</exception>
    public static ClassificationScores FromPredictions(IReadOnlyList<string> genres, int[] predicted, long[] labels)
    {
        ArgumentNullException.ThrowIfNull(genres);
        var classes = genres.Count;
        var matrix = Evaluation.ConfusionMatrix.Count(predicted, labels, classes);
        var perGenre = new ClassScores[classes];
        var correct = 0;
        for (var c = 0; c < classes; c++)
        {
            var truePositives = matrix[c][c];
            var support = matrix[c].Sum();
            var predictedAs = matrix.Sum(row => row[c]);
            var precision = Ratio(truePositives, predictedAs);
            var recall = Ratio(truePositives, support);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perGenre[c] = new ClassScores(genres[c], precision, recall, f1, support);
            correct += truePositives;
        }

        var total = labels.Length;
        var macro = new ClassScores(
            "macro avg",
            perGenre.Average(s => s.Precision),
            perGenre.Average(s => s.Recall),
            perGenre.Average(s => s.F1),
            total);
        var weighted = new ClassScores(
            "weighted avg",
            Weighted(perGenre, s => s.Precision, total),
            Weighted(perGenre, s => s.Recall, total),
            Weighted(perGenre, s => s.F1, total),
            total);
        return new ClassificationScores(total, Ratio(correct, total), perGenre, macro, weighted, matrix);
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private static double Weighted(ClassScores[] scores, Func<ClassScores, double> score, int total) =>
        total == 0 ? 0 : scores.Sum(s => score(s) * s.Support) / total;
}
