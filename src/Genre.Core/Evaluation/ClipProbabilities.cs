namespace Genre.Evaluation;

/// <summary>
/// Clip-level predictions: one row per track (in order of first appearance), its probabilities the mean of its
/// segments' probabilities, its label the label its segments share.
/// </summary>
public sealed record ClipProbabilities(string[] Tracks, float[] Probabilities, long[] Labels)
{
    public static ClipProbabilities Aggregate(float[] probabilities, long[] labels, string[] tracks, int classes)
    {
        ClassRows.CheckShapes(probabilities, labels, classes);
        ArgumentNullException.ThrowIfNull(tracks);
        if (tracks.Length != labels.Length)
        {
            throw new ArgumentException($"{tracks.Length} track names for {labels.Length} rows.", nameof(tracks));
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var sums = new List<double[]>();
        var counts = new List<int>();
        var clipLabels = new List<long>();
        for (var i = 0; i < tracks.Length; i++)
        {
            if (!index.TryGetValue(tracks[i], out var clip))
            {
                clip = index[tracks[i]] = sums.Count;
                names.Add(tracks[i]);
                sums.Add(new double[classes]);
                counts.Add(0);
                clipLabels.Add(labels[i]);
            }
            else if (clipLabels[clip] != labels[i])
            {
                throw new ArgumentException($"Track '{tracks[i]}' has segments with different labels.", nameof(labels));
            }

            counts[clip]++;
            for (var c = 0; c < classes; c++)
            {
                sums[clip][c] += probabilities[(i * classes) + c];
            }
        }

        var mean = new float[sums.Count * classes];
        for (var clip = 0; clip < sums.Count; clip++)
        {
            for (var c = 0; c < classes; c++)
            {
                mean[(clip * classes) + c] = (float)(sums[clip][c] / counts[clip]);
            }
        }

        return new ClipProbabilities([.. names], mean, [.. clipLabels]);
    }
}
