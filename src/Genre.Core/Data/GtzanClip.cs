namespace Genre.Data;

/// <summary>One audio file of a GTZAN-style dataset: its path, its name without extension, and its genre.</summary>
/// <param name="Path">The audio file.</param>
/// <param name="Track">Its name without the extension (<c>blues.00042</c>): how feature files and split lists name it.</param>
/// <param name="Genre">Its genre: the name of its folder.</param>
/// <param name="Label">The genre's index in <see cref="GtzanDataset.Genres"/>.</param>
public sealed record GtzanClip(string Path, string Track, string Genre, int Label);
