using Genre.Data;

namespace Genre.Evaluation;

/// <summary>Every clip of a labelled folder a model scored, in dataset order, and the files it could not read.</summary>
/// <param name="Genres">The model's genres; a clip's label indexes into them.</param>
/// <param name="Clips">The clips scored, in dataset order.</param>
/// <param name="Skipped">The files that could not be read, each with its reason.</param>
public sealed record ClipScoreSet(IReadOnlyList<string> Genres, IReadOnlyList<ClipScore> Clips, IReadOnlyList<SkippedClip> Skipped)
{
    /// <summary>The clips whose names are (or are not) in <paramref name="names"/>.</summary>
    public ClipScoreSet Where(IReadOnlySet<string> names, bool inSet) =>
        this with { Clips = [.. Clips.Where(c => names.Contains(c.Track) == inSet)] };
}
