using Genre.Inference;

namespace Genre.Evaluation;

/// <summary>
/// Clip-level predictions: one row per track (in order of first appearance), its probabilities the rule
/// <c>genre predict</c> applies (<see cref="TrackProbabilities"/>: the mean of its segments that are not digital
/// silence; uniform when all are), its label the label its segments share.
/// </summary>
internal sealed record ClipProbabilities(string[] Tracks, float[] Probabilities, long[] Labels)
{
    public static ClipProbabilities Aggregate(float[] probabilities, long[] labels, string[] tracks, int classes, bool[]? silent = null)
    {
        ClassRows.CheckShapes(probabilities, labels, classes);
        ArgumentNullException.ThrowIfNull(tracks);
        if (tracks.Length != labels.Length)
        {
            throw new ArgumentException($"{tracks.Length} track names for {labels.Length} rows.", nameof(tracks));
        }

        silent ??= new bool[labels.Length];
        if (silent.Length != labels.Length)
        {
            throw new ArgumentException($"{silent.Length} silence flags for {labels.Length} rows.", nameof(silent));
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new List<string>();
        var clipRows = new List<List<int>>();
        var clipLabels = new List<long>();
        for (var i = 0; i < tracks.Length; i++)
        {
            if (!index.TryGetValue(tracks[i], out var clip))
            {
                clip = index[tracks[i]] = names.Count;
                names.Add(tracks[i]);
                clipRows.Add([]);
                clipLabels.Add(labels[i]);
            }
            else if (clipLabels[clip] != labels[i])
            {
                throw new ArgumentException($"Track '{tracks[i]}' has segments with different labels.", nameof(labels));
            }

            clipRows[clip].Add(i);
        }

        var mean = new float[names.Count * classes];
        for (var clip = 0; clip < names.Count; clip++)
        {
            var indices = clipRows[clip];
            var rowsOfClip = indices.SelectMany(i => probabilities.AsSpan(i * classes, classes).ToArray()).ToArray();
            var verdict = TrackProbabilities.Mean(rowsOfClip, [.. indices.Select(i => silent[i])], classes)
                ?? [.. Enumerable.Repeat(1f / classes, classes)];
            verdict.CopyTo(mean, clip * classes);
        }

        return new ClipProbabilities([.. names], mean, [.. clipLabels]);
    }
}
