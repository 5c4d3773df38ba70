namespace Genre.Data;

/// <summary>A clip left out of a feature set, and why (corrupt, too short, ...).</summary>
public sealed record SkippedClip(string Path, string Reason);
