namespace Genre;

/// <summary>The input is not audio in any format the project reads (wav, flac, ogg, mp3, m4a, au, aiff).</summary>
public sealed class UnsupportedAudioException : GenreException
{
    public UnsupportedAudioException(string? path, string reason)
        : base($"{AudioDecodeException.Describe(path)}: not a supported audio file: {reason}", path) => Reason = reason;

    public string Reason { get; }
}
