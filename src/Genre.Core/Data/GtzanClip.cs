namespace Genre.Data;

/// <summary>One audio file of a GTZAN-style dataset: its path, its name without extension, and its genre.</summary>
public sealed record GtzanClip(string Path, string Track, string Genre, int Label);
