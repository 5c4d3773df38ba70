namespace Genre.Audio;

/// <summary>Containers and encodings <see cref="AudioFileWriter"/> writes (libsndfile's SF_FORMAT_* codes).</summary>
public enum AudioFileFormat
{
    WavPcm16 = 0x010002,
    WavPcm24 = 0x010003,
    WavPcm32 = 0x010004,
    WavFloat = 0x010006,
    WavDouble = 0x010007,
    FlacPcm16 = 0x170002,
    FlacPcm24 = 0x170003,
    AiffPcm16 = 0x020002,
    AuPcm16 = 0x030002,
    OggVorbis = 0x200060,
}
