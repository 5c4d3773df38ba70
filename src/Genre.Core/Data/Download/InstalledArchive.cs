namespace Genre.Data.Download;

/// <summary>What an archive put into a dataset folder: the clips folder and the feature tables beside it.</summary>
/// <param name="Destination">The dataset folder.</param>
/// <param name="ClipsFolder">The folder of genre folders (<see cref="GtzanArchive.ClipsFolderName"/>).</param>
/// <param name="ClipFiles">The audio files installed.</param>
/// <param name="FeatureTables">The archive's feature CSVs, installed beside the clips folder.</param>
/// <param name="Replaced">Whether a dataset already there was replaced.</param>
public sealed record InstalledArchive(string Destination, string ClipsFolder, int ClipFiles, IReadOnlyList<string> FeatureTables, bool Replaced);
