using System.Globalization;
using System.Text;

namespace Genre.Evaluation;

/// <summary>Counts of (true class, predicted class): rows are the truth, columns the prediction, as in sklearn.</summary>
internal static class ConfusionMatrix
{
    public static int[][] Count(int[] predicted, long[] labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(labels);
        if (predicted.Length != labels.Length)
        {
            throw new ArgumentException($"{predicted.Length} predictions for {labels.Length} labels.", nameof(predicted));
        }

        var matrix = new int[classes][];
        for (var c = 0; c < classes; c++)
        {
            matrix[c] = new int[classes];
        }

        for (var i = 0; i < labels.Length; i++)
        {
            matrix[labels[i]][predicted[i]]++;
        }

        return matrix;
    }

    /// <summary>confusion_matrix.csv: a header of predicted genres, then one row per true genre led by its name.</summary>
    public static string ToCsv(int[][] matrix, IReadOnlyList<string> genres)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(genres);
        var text = new StringBuilder("true\\predicted");
        foreach (var genre in genres)
        {
            text.Append(',').Append(CsvField(genre));
        }

        text.Append('\n');
        for (var r = 0; r < matrix.Length; r++)
        {
            text.Append(CsvField(genres[r]));
            foreach (var count in matrix[r])
            {
                text.Append(',').Append(count.ToString(CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The <paramref name="count"/> largest non-zero off-diagonal cells, largest first; ties keep matrix order so the
    /// list is the same on every run.
    /// </summary>
    public static ConfusedPair[] TopConfusedPairs(int[][] matrix, IReadOnlyList<string> genres, int count)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(genres);
        var pairs = new List<ConfusedPair>();
        for (var actual = 0; actual < matrix.Length; actual++)
        {
            var support = matrix[actual].Sum();
            for (var predicted = 0; predicted < matrix.Length; predicted++)
            {
                var n = matrix[actual][predicted];
                if (actual != predicted && n > 0)
                {
                    pairs.Add(new ConfusedPair(genres[actual], genres[predicted], n, (double)n / support));
                }
            }
        }

        // OrderBy is stable, which is what keeps ties in matrix order.
        return [.. pairs.OrderByDescending(p => p.Count).Take(count)];
    }

    // RFC 4180: quote a field holding a separator or a quote, doubling the quotes inside.
    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : '"' + value.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
}
