namespace Genre.Data;

/// <summary>A clip left out of a feature set, and why (corrupt, too short, ...).</summary>
/// <param name="Path">The file left out.</param>
/// <param name="Reason">Why, without the file name.</param>
public sealed record SkippedClip(string Path, string Reason);
