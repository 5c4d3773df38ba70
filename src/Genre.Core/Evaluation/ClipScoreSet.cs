using Genre.Data;

namespace Genre.Evaluation;

/// <summary>Every clip of a labelled folder a model scored, in dataset order, and the files it could not read.</summary>
public sealed record ClipScoreSet(IReadOnlyList<string> Genres, IReadOnlyList<ClipScore> Clips, IReadOnlyList<SkippedClip> Skipped)
{
    /// <summary>The clips whose names are (or are not) in <paramref name="names"/>.</summary>
    public ClipScoreSet Where(IReadOnlySet<string> names, bool inSet) =>
        this with { Clips = [.. Clips.Where(c => names.Contains(c.Track) == inSet)] };
}
