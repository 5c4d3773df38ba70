namespace Genre.Features;

/// <summary>
/// The feature parameters the original system trains on (librosa 0.10.2 defaults plus its extractor's constants).
/// A model records them, and loading refuses features computed with any other values.
/// </summary>
public sealed record MfccSettings
{
    public static MfccSettings Gtzan { get; } = new();

    public int SampleRate { get; init; } = 22050;

    public int FftSize { get; init; } = 2048;

    public int HopLength { get; init; } = 512;

    public int MelBands { get; init; } = 128;

    public int Coefficients { get; init; } = 13;

    /// <summary>power_to_db's top_db: values more than this below the call's peak are raised to it.</summary>
    public float TopDb { get; init; } = 80f;

    /// <summary>Samples per training segment: 30 s / 10 at 22,050 Hz.</summary>
    public int SegmentSamples { get; init; } = 66150;

    public int SegmentsPerClip { get; init; } = 10;

    /// <summary>Frames an MFCC call gives for <paramref name="samples"/> samples (centred STFT).</summary>
    public int FrameCount(int samples) => 1 + (samples / HopLength);

    /// <summary>Frames per segment; segments giving any other count are dropped, as the original extractor did.</summary>
    public int FramesPerSegment => FrameCount(SegmentSamples);

    public int ClipSamples => SegmentSamples * SegmentsPerClip;

    public TimeSpan SegmentDuration => TimeSpan.FromSeconds((double)SegmentSamples / SampleRate);
}
