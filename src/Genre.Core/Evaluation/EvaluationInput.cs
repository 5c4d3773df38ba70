using System.Globalization;

namespace Genre.Evaluation;

/// <summary>
/// A model's raw outputs on an evaluation set. <see cref="Logits"/> is row-major N x C with C = Genres.Count;
/// <see cref="Labels"/> are the true classes in [0, C); <see cref="Tracks"/> name each row's clip, so the segments of
/// one clip can be pooled into a clip-level prediction.
/// </summary>
internal sealed record EvaluationInput(IReadOnlyList<string> Genres, float[] Logits, long[] Labels, string[] Tracks)
{
    /// <summary>Rows of digital silence, left out of their clip's verdict as prediction leaves them out; none when null.</summary>
    public bool[]? Silent { get; init; }

    public int Classes => Genres.Count;

    public int Count => Labels.Length;

    /// <summary>Throws <see cref="ArgumentException"/> when the arrays disagree in size or hold impossible values.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Genres);
        ArgumentNullException.ThrowIfNull(Logits);
        ArgumentNullException.ThrowIfNull(Labels);
        ArgumentNullException.ThrowIfNull(Tracks);
        if (Classes < 2)
        {
            throw new ArgumentException($"Need at least two genres, got {Classes}.", nameof(Genres));
        }

        if (Count == 0)
        {
            throw new ArgumentException("Cannot evaluate an empty set.", nameof(Labels));
        }

        ClassRows.CheckShapes(Logits, Labels, Classes);
        if (Tracks.Length != Count)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{Tracks.Length} track names for {Count} rows."), nameof(Tracks));
        }

        foreach (var logit in Logits)
        {
            // A diverged model gives NaN; every metric would silently become garbage.
            if (!float.IsFinite(logit))
            {
                throw new ArgumentException("Logits contain NaN or infinity.", nameof(Logits));
            }
        }
    }
}
