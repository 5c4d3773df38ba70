using System.IO.Compression;

namespace Genre.Data.Numpy;

/// <summary>numpy's .npz: a zip of .npy files named after the arrays, stored uncompressed as <c>np.savez</c> does.</summary>
internal static class NpzArchive
{
    /// <summary>
    /// Every entry's modification time. np.savez stamps the current time; a fixed one makes the same arrays the same
    /// bytes, so a model card's SHA-256 of its feature file still matches after the features are extracted again.
    /// </summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Write(Stream stream, IEnumerable<KeyValuePair<string, NpyArray>> arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var (name, array) in arrays)
        {
            var entry = zip.CreateEntry(name + ".npy", CompressionLevel.NoCompression);
            entry.LastWriteTime = EntryTime;
            using var entryStream = entry.Open();
            NpyFormat.Write(entryStream, array);
        }
    }

    /// <summary>Reads every array; <see cref="InvalidDataException"/> when the zip or an array is malformed.</summary>
    public static Dictionary<string, NpyArray> Read(Stream stream)
    {
        var result = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        foreach (var entry in zip.Entries)
        {
            if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal))
            {
                continue;
            }

            using var entryStream = entry.Open();
            try
            {
                result[entry.FullName[..^4]] = NpyFormat.Read(entryStream);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"array '{entry.FullName[..^4]}': {e.Message}", e);
            }
        }

        return result;
    }
}
