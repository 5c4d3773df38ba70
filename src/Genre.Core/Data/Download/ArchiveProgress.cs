namespace Genre.Data.Download;

/// <summary>Files written from an archive so far, out of those it will write, and the last one's name.</summary>
/// <param name="Done">Files written so far.</param>
/// <param name="Total">Files the archive will write.</param>
/// <param name="Entry">The last file written, by its name in the archive.</param>
public readonly record struct ArchiveProgress(int Done, int Total, string Entry);
