namespace Genre.Data.Download;

/// <summary>How far a download is: bytes on disk (a resumed part counts), the total when the server said it, and the rate.</summary>
/// <param name="BytesReceived">Bytes on disk so far, a resumed part included.</param>
/// <param name="TotalBytes">The file's size when the server said it; null otherwise.</param>
/// <param name="BytesPerSecond">The current transfer rate.</param>
public readonly record struct DownloadProgress(long BytesReceived, long? TotalBytes, double BytesPerSecond)
{
    /// <summary>Time left at the current rate, when both the total and a rate are known.</summary>
    public TimeSpan? Remaining => TotalBytes is { } total && BytesPerSecond > 0
        ? TimeSpan.FromSeconds(Math.Max(0, total - BytesReceived) / BytesPerSecond)
        : null;
}
