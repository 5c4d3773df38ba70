using Genre.Evaluation;
using Shouldly;

namespace Genre.Core.Tests.Evaluation;

public class ClassificationScoresTests
{
    private static readonly string[] Genres = ["a", "b", "c"];

    // y_true = [a a a b b c], y_pred = [a a b b c c]; every number below is worked out by hand.
    private static ClassificationScores Toy() =>
        ClassificationScores.FromPredictions(Genres, [0, 0, 1, 1, 2, 2], [0, 0, 0, 1, 1, 2]);

    [Fact]
    public void Confusion_matrix_has_truth_in_rows_and_predictions_in_columns()
    {
        Toy().ConfusionMatrix.ShouldBe([[2, 1, 0], [0, 1, 1], [0, 0, 1]]);
    }

    [Fact]
    public void Per_genre_precision_recall_f1_and_support_match_hand_computation()
    {
        var scores = Toy();

        scores.Accuracy.ShouldBe(4.0 / 6, 1e-12);
        Expect(scores.PerGenre[0], "a", 1.0, 2.0 / 3, 0.8, 3);
        Expect(scores.PerGenre[1], "b", 0.5, 0.5, 0.5, 2);
        Expect(scores.PerGenre[2], "c", 0.5, 1.0, 2.0 / 3, 1);
    }

    [Fact]
    public void Macro_and_weighted_averages_match_hand_computation()
    {
        var scores = Toy();

        Expect(scores.MacroAverage, "macro avg", 2.0 / 3, 13.0 / 18, (0.8 + 0.5 + (2.0 / 3)) / 3, 6);
        Expect(scores.WeightedAverage, "weighted avg", 0.75, 4.0 / 6, (2.4 + 1 + (2.0 / 3)) / 6, 6);
    }

    [Fact]
    public void A_genre_never_predicted_scores_zero_precision_as_sklearn_does()
    {
        // y_true = [a b c], y_pred = [a a a]: b and c are never predicted, a is predicted three times.
        var scores = ClassificationScores.FromPredictions(Genres, [0, 0, 0], [0, 1, 2]);

        Expect(scores.PerGenre[0], "a", 1.0 / 3, 1.0, 0.5, 1);
        Expect(scores.PerGenre[1], "b", 0, 0, 0, 1);
        Expect(scores.MacroAverage, "macro avg", 1.0 / 9, 1.0 / 3, 0.5 / 3, 3);
    }

    [Fact]
    public void Table_is_laid_out_like_sklearn_classification_report()
    {
        // sklearn.metrics.classification_report([0,0,0,1,1,2], [0,0,1,1,2,2], target_names=["a","b","c"])
        const string Expected =
            "              precision    recall  f1-score   support\n" +
            "\n" +
            "           a       1.00      0.67      0.80         3\n" +
            "           b       0.50      0.50      0.50         2\n" +
            "           c       0.50      1.00      0.67         1\n" +
            "\n" +
            "    accuracy                           0.67         6\n" +
            "   macro avg       0.67      0.72      0.66         6\n" +
            "weighted avg       0.75      0.67      0.68         6\n";

        ClassificationReportText.Table(Toy()).ShouldBe(Expected);
    }

    [Fact]
    public void Table_widens_the_name_column_for_long_genre_names()
    {
        var scores = ClassificationScores.FromPredictions(["electronic-dance-music", "b"], [0, 1], [0, 1]);

        var lines = ClassificationReportText.Table(scores).Split('\n');

        lines[2].ShouldBe("electronic-dance-music       1.00      1.00      1.00         1");
        lines[7].ShouldBe("          weighted avg       1.00      1.00      1.00         2");
    }

    [Fact]
    public void Top_confused_pairs_are_sorted_by_count_with_rate_over_true_support()
    {
        int[][] matrix = [[5, 1, 3], [4, 2, 0], [0, 3, 7]];

        var pairs = ConfusionMatrix.TopConfusedPairs(matrix, Genres, 3);

        pairs.ShouldBe([
            new ConfusedPair("b", "a", 4, 4.0 / 6),
            new ConfusedPair("a", "c", 3, 3.0 / 9),
            new ConfusedPair("c", "b", 3, 3.0 / 10),
        ]);
    }

    private static void Expect(ClassScores actual, string name, double precision, double recall, double f1, int support)
    {
        actual.Name.ShouldBe(name);
        actual.Precision.ShouldBe(precision, 1e-12);
        actual.Recall.ShouldBe(recall, 1e-12);
        actual.F1.ShouldBe(f1, 1e-12);
        actual.Support.ShouldBe(support);
    }
}
