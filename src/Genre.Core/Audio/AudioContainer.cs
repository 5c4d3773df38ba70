namespace Genre.Audio;

/// <summary>What the first bytes of a file say it is.</summary>
public enum AudioContainer
{
    Unknown,
    Wav,
    Flac,
    Ogg,
    Mp3,
    Au,
    Aiff,
    Mp4,
    Adts,
    Matroska,
}
