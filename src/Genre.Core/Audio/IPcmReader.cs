namespace Genre.Audio;

/// <summary>A source of interleaved float PCM in [-1, 1], read block by block so long files never sit in memory twice.</summary>
internal interface IPcmReader : IDisposable
{
    int SampleRate { get; }

    int Channels { get; }

    /// <summary>Frames in the source when the container says so; null when only reading to the end tells.</summary>
    long? Frames { get; }

    /// <summary>Fills <paramref name="interleaved"/> with whole frames; returns the number of frames read, 0 at the end.</summary>
    int ReadFrames(Span<float> interleaved);
}
