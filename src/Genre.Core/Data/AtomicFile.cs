namespace Genre.Data;

/// <summary>
/// Writes a file through a temporary name in the same folder and renames it at the end, so an error or a crash
/// never leaves a half-written file under the real name.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        WriteVia(path, temp =>
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
            write(stream);
        });
    }

    /// <summary>For writers that need a path (native libraries): <paramref name="writeToPath"/> gets the temporary one.</summary>
    public static void WriteVia(string path, Action<string> writeToPath)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(writeToPath);
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            writeToPath(temp);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(path, e.Message, e);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>Cleanup must never hide the error that made it necessary.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
