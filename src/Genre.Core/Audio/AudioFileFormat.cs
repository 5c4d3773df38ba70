namespace Genre.Audio;

/// <summary>Containers and encodings <see cref="AudioFileWriter"/> writes (libsndfile's SF_FORMAT_* codes).</summary>
public enum AudioFileFormat
{
    /// <summary>WAV, 16-bit integer PCM: what <c>genre example</c> writes.</summary>
    WavPcm16 = 0x010002,

    /// <summary>WAV, 24-bit integer PCM.</summary>
    WavPcm24 = 0x010003,

    /// <summary>WAV, 32-bit integer PCM.</summary>
    WavPcm32 = 0x010004,

    /// <summary>WAV, 32-bit float samples.</summary>
    WavFloat = 0x010006,

    /// <summary>WAV, 64-bit float samples.</summary>
    WavDouble = 0x010007,

    /// <summary>FLAC, 16-bit (lossless).</summary>
    FlacPcm16 = 0x170002,

    /// <summary>FLAC, 24-bit (lossless).</summary>
    FlacPcm24 = 0x170003,

    /// <summary>AIFF, 16-bit integer PCM.</summary>
    AiffPcm16 = 0x020002,

    /// <summary>Sun/NeXT AU, 16-bit integer PCM.</summary>
    AuPcm16 = 0x030002,

    /// <summary>Ogg Vorbis (lossy).</summary>
    OggVorbis = 0x200060,
}
