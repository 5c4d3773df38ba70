namespace Genre.Audio;

/// <summary>What the first bytes of a file say it is (<see cref="AudioFormatSniffer.Detect"/>), whatever its name says.</summary>
public enum AudioContainer
{
    /// <summary>No container this project recognises, or samples that never were a file (<see cref="AudioSignal.FromSamples"/>).</summary>
    Unknown,

    /// <summary>RIFF, RF64 or RIFX WAVE.</summary>
    Wav,

    /// <summary>Native FLAC (<c>fLaC</c>).</summary>
    Flac,

    /// <summary>An Ogg stream (<c>OggS</c>): Vorbis, Opus or FLAC inside.</summary>
    Ogg,

    /// <summary>MPEG audio layer I-III, with or without an ID3 tag in front.</summary>
    Mp3,

    /// <summary>Sun/NeXT audio (<c>.snd</c>).</summary>
    Au,

    /// <summary>AIFF or AIFF-C.</summary>
    Aiff,

    /// <summary>An ISO media file (<c>ftyp</c>): m4a, mp4, usually AAC; decoded by ffmpeg.</summary>
    Mp4,

    /// <summary>Raw AAC in ADTS frames (<c>.aac</c>); decoded by ffmpeg.</summary>
    Adts,

    /// <summary>Matroska or WebM; decoded by ffmpeg.</summary>
    Matroska,
}
