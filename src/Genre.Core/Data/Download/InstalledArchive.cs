namespace Genre.Data.Download;

/// <summary>What an archive put into a dataset folder: the clips folder and the feature tables beside it.</summary>
public sealed record InstalledArchive(string Destination, string ClipsFolder, int ClipFiles, IReadOnlyList<string> FeatureTables, bool Replaced);
