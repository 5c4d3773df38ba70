namespace Genre.Data.Download;

/// <summary>Files written from an archive so far, out of those it will write, and the last one's name.</summary>
public readonly record struct ArchiveProgress(int Done, int Total, string Entry);
