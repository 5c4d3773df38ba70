using Genre.Data;

namespace Genre.Training;

/// <summary>A feature set's clips in first-seen order, each with its genre and its segments.</summary>
internal sealed class ClipIndex
{
    private readonly Dictionary<string, int> byName;
    private readonly List<int>[] segments;

    private ClipIndex(List<string> names, long[] labels, List<int>[] segments)
    {
        Names = names;
        Labels = labels;
        this.segments = segments;
        byName = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => x.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>Genre of each clip (of its first segment).</summary>
    public long[] Labels { get; }

    public static ClipIndex Of(FeatureSet features) => Of(features.Tracks, features.Labels);

    /// <summary>The clips of rows named <paramref name="tracks"/> with <paramref name="labels"/>.</summary>
    public static ClipIndex Of(IReadOnlyList<string> tracks, IReadOnlyList<long> labels)
    {
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var clipLabels = new List<long>();
        var members = new List<List<int>>();
        for (var i = 0; i < tracks.Count; i++)
        {
            if (!index.TryGetValue(tracks[i], out var clip))
            {
                clip = names.Count;
                index[tracks[i]] = clip;
                names.Add(tracks[i]);
                clipLabels.Add(labels[i]);
                members.Add([]);
            }

            members[clip].Add(i);
        }

        return new ClipIndex(names, [.. clipLabels], [.. members]);
    }

    public int? Find(string name) => byName.TryGetValue(name, out var i) ? i : null;

    /// <summary>All segments of <paramref name="clips"/>, in feature-set order.</summary>
    public int[] Segments(IEnumerable<int> clips) => [.. clips.SelectMany(c => segments[c]).Order()];
}
