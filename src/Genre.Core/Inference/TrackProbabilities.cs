namespace Genre.Inference;

/// <summary>
/// The one rule that turns window probabilities into a track's: the mean over the windows that are not digital
/// silence. <see cref="GenreClassifier"/> and clip-level evaluation both use it, so a card's clip accuracy is the
/// rule <c>genre predict</c> applies.
/// </summary>
internal static class TrackProbabilities
{
    /// <summary>Mean of the rows (windows x <paramref name="classes"/>) not marked silent; null when every window is.</summary>
    public static float[]? Mean(ReadOnlySpan<float> probabilities, IReadOnlyList<bool> silent, int classes)
    {
        ArgumentNullException.ThrowIfNull(silent);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (probabilities.Length != silent.Count * classes)
        {
            throw new ArgumentException($"{probabilities.Length} probabilities for {silent.Count} windows of {classes} classes.", nameof(probabilities));
        }

        var sum = new double[classes];
        var voters = 0;
        for (var w = 0; w < silent.Count; w++)
        {
            if (silent[w])
            {
                continue;
            }

            voters++;
            var row = probabilities.Slice(w * classes, classes);
            for (var c = 0; c < classes; c++)
            {
                sum[c] += row[c];
            }
        }

        return voters == 0 ? null : [.. sum.Select(s => (float)(s / voters))];
    }
}
