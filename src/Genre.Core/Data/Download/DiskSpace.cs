namespace Genre.Data.Download;

/// <summary>
/// Recognises a full disk and says so in words: which folder, and how many bytes are still needed. Checked up front
/// when the size is known, and again on every write error, since other programs fill disks too.
/// </summary>
internal static class DiskSpace
{
    private const int Enospc = 28;                 // Linux and macOS errno; .NET puts it in HResult
    private const int ErrorDiskFull = 112;         // Windows ERROR_DISK_FULL
    private const int ErrorHandleDiskFull = 39;    // Windows ERROR_HANDLE_DISK_FULL

    public static bool IsFull(IOException error) =>
        error.HResult == Enospc
        || ((error.HResult & 0xFFFF) is ErrorDiskFull or ErrorHandleDiskFull && (error.HResult & unchecked((int)0xFFFF0000)) == unchecked((int)0x80070000))
        || error.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws the disk-full error before any work when the folder's volume has less than <paramref name="bytesNeeded"/> free.</summary>
    public static void EnsureAvailable(string folder, long bytesNeeded)
    {
        long free;
        try
        {
            free = new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return; // unknown free space: let the writes find out
        }

        if (free < bytesNeeded)
        {
            throw Full(folder, bytesNeeded, free);
        }
    }

    public static OutputException Full(string folder, long bytesNeeded, long? bytesFree = null, IOException? inner = null) =>
        new(folder, $"no space left on the disk: {ByteSize.FormatExact(bytesNeeded)} more {(bytesNeeded == 1 ? "is" : "are")} needed" +
            (bytesFree is { } free ? $" and {ByteSize.FormatExact(free)} {(free == 1 ? "is" : "are")} free" : string.Empty) +
            "; free some space (or choose another folder with --dest) and run the command again", inner);
}
