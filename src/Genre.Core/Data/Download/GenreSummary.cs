namespace Genre.Data.Download;

/// <summary>One genre of a verified dataset: its readable clips and their total length, and the files that are not.</summary>
public sealed record GenreSummary(string Genre, int Clips, int Unreadable, TimeSpan Duration);
