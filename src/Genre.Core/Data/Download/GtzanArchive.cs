using System.IO.Compression;

namespace Genre.Data.Download;

/// <summary>
/// Installs the Kaggle GTZAN zip into a dataset folder: <c>Data/genres_original/**</c> becomes
/// <c>&lt;dest&gt;/genres_original</c> and <c>Data/features_*.csv</c> land beside it (archives without the <c>Data/</c>
/// prefix work too; spectrogram images are left out). Everything is written to a temporary folder inside
/// <c>dest</c> first and moved into place at the end, so a failure never leaves a folder that looks complete.
/// </summary>
public static class GtzanArchive
{
    /// <summary>The folder of genre folders the archive installs into the destination, as Kaggle names it.</summary>
    public const string ClipsFolderName = "genres_original";

    private const string DataPrefix = "Data/";

    /// <summary>Refuses a destination that already holds a dataset, unless <paramref name="force"/>; checked before any download.</summary>
    /// <exception cref="OutputException"><paramref name="destination"/> is a file, or already holds a dataset and <paramref name="force"/> is false.</exception>
    public static void EnsureCanInstallInto(string destination, bool force)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (File.Exists(destination))
        {
            throw new OutputException(destination, "is a file; expected a folder for the dataset (choose another with --dest)");
        }

        if (!force && Directory.Exists(Path.Combine(destination, ClipsFolderName)))
        {
            throw new OutputException(destination,
                $"already holds {ClipsFolderName}; use it as is (genre extract --data {destination} ...), or pass --force to replace it");
        }
    }

    /// <summary>
    /// Extracts <paramref name="zipPath"/> into <paramref name="destination"/>. A zip that is truncated or not a zip
    /// at all is deleted when <paramref name="deleteIfCorrupt"/> (it was downloaded, so the next run fetches it again).
    /// </summary>
    /// <param name="zipPath">The Kaggle GTZAN zip.</param>
    /// <param name="destination">The dataset folder, created if needed.</param>
    /// <param name="force">Replace a dataset already installed there.</param>
    /// <param name="deleteIfCorrupt">Delete a truncated or non-zip file, so that a new download replaces it.</param>
    /// <param name="progress">Told after each file written.</param>
    /// <param name="cancellationToken">Stops between files; the partial install is removed.</param>
    /// <returns>The clips folder, how many clips, the feature tables beside it, and whether a dataset was replaced.</returns>
    /// <exception cref="ArchiveException">The zip is missing, truncated, not a zip, holds an unsafe entry name, or is not GTZAN.</exception>
    /// <exception cref="OutputException">The destination cannot be written, is full, or already holds a dataset (without <paramref name="force"/>).</exception>
    public static InstalledArchive Install(string zipPath, string destination, bool force, bool deleteIfCorrupt = false,
        IProgress<ArchiveProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zipPath);
        EnsureCanInstallInto(destination, force);
        if (!File.Exists(zipPath))
        {
            throw new ArchiveException(zipPath, Directory.Exists(zipPath) ? "is a folder; expected the dataset's .zip file" : "file not found");
        }

        try
        {
            using var archive = ZipFile.OpenRead(zipPath);
            var plan = Plan(archive, zipPath);
            DiskSpace.EnsureAvailable(CreateFolder(destination), plan.Sum(p => p.Entry.Length));
            return Extract(plan, zipPath, destination, progress, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw Corrupt(zipPath, deleteIfCorrupt, e);
        }
    }

    /// <summary>Where each wanted entry goes, relative to the destination; any unsafe name refuses the whole archive.</summary>
    private static List<(ZipArchiveEntry Entry, string Target)> Plan(ZipArchive archive, string zipPath)
    {
        var plan = new List<(ZipArchiveEntry, string)>();
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (IsUnsafe(name))
            {
                throw new ArchiveException(zipPath,
                    $"unsafe entry '{entry.FullName}' would be written outside the destination folder; refusing to extract this archive");
            }

            if (TargetOf(name) is { } target)
            {
                plan.Add((entry, target));
            }
        }

        return plan.Any(p => p.Item2.StartsWith(ClipsFolderName + "/", StringComparison.Ordinal))
            ? plan
            : throw new ArchiveException(zipPath,
                $"holds no {DataPrefix}{ClipsFolderName}/<genre>/*.wav files; is it the GTZAN zip from {KaggleDataset.Gtzan.WebPage}?");
    }

    // Zip slip: an entry named "../../x" or "/etc/x" must never reach Path.Combine.
    private static bool IsUnsafe(string name) =>
        name.StartsWith('/') || (name.Length >= 2 && name[1] == ':') || name.Split('/').Any(segment => segment == "..");

    private static string? TargetOf(string name)
    {
        var relative = name.StartsWith(DataPrefix, StringComparison.Ordinal) ? name[DataPrefix.Length..] : name;
        if (relative.EndsWith('/'))
        {
            return null; // folder entries: folders are made as files need them
        }

        if (relative.StartsWith(ClipsFolderName + "/", StringComparison.Ordinal))
        {
            return relative;
        }

        return !relative.Contains('/') && relative.StartsWith("features_", StringComparison.Ordinal) && relative.EndsWith(".csv", StringComparison.Ordinal)
            ? relative
            : null;
    }

    private static InstalledArchive Extract(List<(ZipArchiveEntry Entry, string Target)> plan, string zipPath, string destination,
        IProgress<ArchiveProgress>? progress, CancellationToken cancellationToken)
    {
        var staging = Path.Combine(destination, $".extracting-{Guid.NewGuid():N}");
        var root = Path.GetFullPath(staging) + Path.DirectorySeparatorChar;
        try
        {
            var remaining = plan.Sum(p => p.Entry.Length);
            for (var i = 0; i < plan.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (entry, target) = plan[i];
                var path = Path.GetFullPath(Path.Combine(root, target));
                if (!path.StartsWith(root, StringComparison.Ordinal))
                {
                    throw new ArchiveException(zipPath, $"unsafe entry '{entry.FullName}' would be written outside the destination folder");
                }

                try
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    entry.ExtractToFile(path, overwrite: false);
                }
                catch (IOException e) when (DiskSpace.IsFull(e))
                {
                    throw DiskSpace.Full(destination, remaining, inner: e);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new OutputException(destination, e.Message, e);
                }

                remaining -= entry.Length;
                progress?.Report(new ArchiveProgress(i + 1, plan.Count, target));
            }

            return MoveIntoPlace(plan, staging, destination);
        }
        finally
        {
            DeleteQuietly(staging);
        }
    }

    /// <summary>Swaps the staged files in; a dataset being replaced goes into the staging folder, deleted with it.</summary>
    private static InstalledArchive MoveIntoPlace(List<(ZipArchiveEntry Entry, string Target)> plan, string staging, string destination)
    {
        var clips = Path.Combine(destination, ClipsFolderName);
        var replaced = Directory.Exists(clips);
        var tables = plan.Select(p => p.Target).Where(t => !t.Contains('/')).ToList();
        try
        {
            if (replaced)
            {
                Directory.Move(clips, Path.Combine(staging, ".replaced-" + ClipsFolderName));
            }

            Directory.Move(Path.Combine(staging, ClipsFolderName), clips);
            foreach (var table in tables)
            {
                File.Move(Path.Combine(staging, table), Path.Combine(destination, table), overwrite: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(destination, e.Message, e);
        }

        return new InstalledArchive(destination, clips, plan.Count - tables.Count, tables, replaced);
    }

    private static ArchiveException Corrupt(string zipPath, bool delete, InvalidDataException error)
    {
        if (delete)
        {
            File.Delete(zipPath);
            return new ArchiveException(zipPath,
                $"the download is truncated or not a zip file ({error.Message}); it has been deleted: run genre download again to fetch it afresh", error);
        }

        return new ArchiveException(zipPath,
            $"truncated or not a zip file ({error.Message}); delete it and download it again from {KaggleDataset.Gtzan.WebPage} " +
            "(or run genre download without --from-zip)", error);
    }

    private static string CreateFolder(string folder)
    {
        try
        {
            return Directory.CreateDirectory(folder).FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(folder, e.Message, e);
        }
    }

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind only if something else holds it open; its name starts with a dot and says what it is.
        }
    }
}
