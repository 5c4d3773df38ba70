namespace Genre.Data;

/// <summary>Reported after each clip: how far extraction is, and the clip just skipped, if it was.</summary>
public sealed record ExtractionProgress(int Done, int Total, string Track, SkippedClip? Skipped);
