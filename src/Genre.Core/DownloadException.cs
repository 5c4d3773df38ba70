namespace Genre;

/// <summary>
/// A download failed for a reason outside the program: the server refused it (401, 403, 404, ...) or the network
/// kept failing after the retries. The message says what to do; the URL never carries credentials.
/// </summary>
public sealed class DownloadException : GenreException
{
    public DownloadException(Uri url, int? statusCode, string message, Exception? inner = null)
        : base(message, null, inner)
    {
        Url = url;
        StatusCode = statusCode;
    }

    /// <summary>The URL asked for (before any redirect).</summary>
    public Uri Url { get; }

    /// <summary>The HTTP status of the last answer, or null when there was no answer (network failure).</summary>
    public int? StatusCode { get; }
}
