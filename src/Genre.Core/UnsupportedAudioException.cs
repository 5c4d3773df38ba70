namespace Genre;

/// <summary>The input is not audio in any format the project reads (wav, flac, ogg, mp3, m4a, au, aiff).</summary>
public sealed class UnsupportedAudioException : GenreException
{
    /// <summary>An unsupported-input error whose message names the input and the reason.</summary>
    /// <param name="path">The file or upload name; null or empty for an unnamed stream.</param>
    /// <param name="reason">What the input is instead, or why it is refused, without the file name.</param>
    public UnsupportedAudioException(string? path, string reason)
        : base($"{AudioDecodeException.Describe(path)}: not a supported audio file: {reason}", path) => Reason = reason;

    /// <summary>Why the input is refused, without the file name.</summary>
    public string Reason { get; }
}
