namespace Genre;

/// <summary>The input looked like audio (or claimed to be) but could not be decoded: empty, truncated, corrupt.</summary>
public sealed class AudioDecodeException : GenreException
{
    /// <summary>A decode error whose message names the input (or <c>&lt;stream&gt;</c>) and the decoder's reason.</summary>
    /// <param name="path">The file, or the name an upload or stream was given; null or empty for an unnamed stream.</param>
    /// <param name="reason">The decoder's explanation, without the file name.</param>
    /// <param name="inner">The decoder's own exception, if any.</param>
    public AudioDecodeException(string? path, string reason, Exception? inner = null)
        : base($"{Describe(path)}: cannot decode audio: {reason}", path, inner) => Reason = reason;

    /// <summary>The decoder's own explanation, without the file name.</summary>
    public string Reason { get; }

    internal static string Describe(string? path) => string.IsNullOrEmpty(path) ? "<stream>" : path;
}
