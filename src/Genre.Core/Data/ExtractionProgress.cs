namespace Genre.Data;

/// <summary>Reported after each clip: how far extraction is, and the clip just skipped, if it was.</summary>
/// <param name="Done">Clips finished so far, in any order.</param>
/// <param name="Total">Clips in all.</param>
/// <param name="Track">The clip just finished, by name.</param>
/// <param name="Skipped">The clip and its reason when it was skipped; null when it was read.</param>
public sealed record ExtractionProgress(int Done, int Total, string Track, SkippedClip? Skipped);
