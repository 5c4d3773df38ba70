namespace Genre.Features;

/// <summary>
/// The feature parameters the original system trains on (librosa 0.10.2 defaults plus its extractor's constants).
/// A model records them, and loading refuses features computed with any other values.
/// </summary>
public sealed record MfccSettings
{
    /// <summary>The original system's values, which every shipped MFCC model was trained with.</summary>
    public static MfccSettings Gtzan { get; } = new();

    /// <summary>The rate audio is decoded to before features are taken (librosa's default, 22,050 Hz).</summary>
    public int SampleRate { get; init; } = 22050;

    /// <summary>STFT frame length in samples (n_fft); a power of two.</summary>
    public int FftSize { get; init; } = 2048;

    /// <summary>Samples between the starts of consecutive STFT frames.</summary>
    public int HopLength { get; init; } = 512;

    /// <summary>Slaney mel filters between 0 Hz and half the sample rate.</summary>
    public int MelBands { get; init; } = 128;

    /// <summary>MFCC coefficients kept per frame (the first rows of the orthonormal DCT-II).</summary>
    public int Coefficients { get; init; } = 13;

    /// <summary>power_to_db's top_db: values more than this below the call's peak are raised to it.</summary>
    public float TopDb { get; init; } = 80f;

    /// <summary>Samples per training segment: 30 s / 10 at 22,050 Hz.</summary>
    public int SegmentSamples { get; init; } = 66150;

    /// <summary>Segments a 30 s clip is cut into.</summary>
    public int SegmentsPerClip { get; init; } = 10;

    /// <summary>Frames an MFCC call gives for <paramref name="samples"/> samples (centred STFT).</summary>
    public int FrameCount(int samples) => 1 + (samples / HopLength);

    /// <summary>Frames per segment; segments giving any other count are dropped, as the original extractor did.</summary>
    public int FramesPerSegment => FrameCount(SegmentSamples);

    /// <summary>Samples of a whole clip: the first 30 s the original system reads.</summary>
    public int ClipSamples => SegmentSamples * SegmentsPerClip;

    /// <summary>How long one segment lasts (3 s).</summary>
    public TimeSpan SegmentDuration => TimeSpan.FromSeconds((double)SegmentSamples / SampleRate);
}
