using System.Globalization;

namespace Genre.Evaluation;

/// <summary>Helpers for row-major N x C score matrices (logits or probabilities) and their labels.</summary>
internal static class ClassRows
{
    public static void CheckShapes(float[] scores, long[] labels, int classes)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (scores.Length != labels.Length * (long)classes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{scores.Length} scores is not {labels.Length} rows x {classes} classes."),
                nameof(scores));
        }

        foreach (var label in labels)
        {
            if (label < 0 || label >= classes)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Label {label} is outside [0, {classes})."), nameof(labels));
            }
        }
    }

    /// <summary>The first index of the largest score, as numpy's argmax breaks ties.</summary>
    public static int ArgMax(ReadOnlySpan<float> row)
    {
        var best = 0;
        for (var c = 1; c < row.Length; c++)
        {
            if (row[c] > row[best])
            {
                best = c;
            }
        }

        return best;
    }

    public static int[] ArgMax(float[] scores, int classes)
    {
        var predictions = new int[scores.Length / classes];
        for (var i = 0; i < predictions.Length; i++)
        {
            predictions[i] = ArgMax(scores.AsSpan(i * classes, classes));
        }

        return predictions;
    }
}
