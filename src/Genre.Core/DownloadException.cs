namespace Genre;

/// <summary>
/// A download failed for a reason outside the program: the server refused it (401, 403, 404, ...) or the network
/// kept failing after the retries. The message says what to do; the URL never carries credentials.
/// </summary>
public sealed class DownloadException : GenreException
{
    /// <summary>A failed download of <paramref name="url"/>.</summary>
    /// <param name="url">The URL asked for; it must not carry credentials.</param>
    /// <param name="statusCode">The HTTP status of the last answer, or null when the server never answered.</param>
    /// <param name="message">What went wrong and what to do about it.</param>
    /// <param name="inner">The last network error, if any.</param>
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
