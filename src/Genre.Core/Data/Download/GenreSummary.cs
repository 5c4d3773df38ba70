namespace Genre.Data.Download;

/// <summary>One genre of a verified dataset: its readable clips and their total length, and the files that are not.</summary>
/// <param name="Genre">The genre folder's name.</param>
/// <param name="Clips">Its readable clips.</param>
/// <param name="Unreadable">Its files that cannot be read.</param>
/// <param name="Duration">The total length of its readable clips.</param>
public sealed record GenreSummary(string Genre, int Clips, int Unreadable, TimeSpan Duration);
