namespace Genre;

/// <summary>The input looked like audio (or claimed to be) but could not be decoded: empty, truncated, corrupt.</summary>
public sealed class AudioDecodeException : GenreException
{
    public AudioDecodeException(string? path, string reason, Exception? inner = null)
        : base($"{Describe(path)}: cannot decode audio: {reason}", path, inner) => Reason = reason;

    /// <summary>The decoder's own explanation, without the file name.</summary>
    public string Reason { get; }

    internal static string Describe(string? path) => string.IsNullOrEmpty(path) ? "<stream>" : path;
}
