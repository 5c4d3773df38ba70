namespace Genre.Audio;

/// <summary>Mono float32 samples at <see cref="SampleRate"/>, exactly as <c>librosa.load(path, sr=...)</c> returns them.</summary>
public sealed class AudioSignal
{
    /// <summary>Wraps decoded samples with what is known about their source.</summary>
    /// <param name="samples">Mono samples at <paramref name="sampleRate"/>, kept as given (not copied).</param>
    /// <param name="sampleRate">The rate of <paramref name="samples"/>, in Hz.</param>
    /// <param name="sourceSampleRate">The rate the source was recorded at, before resampling.</param>
    /// <param name="sourceChannels">The source's channels, before they were averaged to mono.</param>
    /// <param name="container">What the source's bytes were.</param>
    public AudioSignal(float[] samples, int sampleRate, int sourceSampleRate, int sourceChannels, AudioContainer container)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        Samples = samples;
        SampleRate = sampleRate;
        SourceSampleRate = sourceSampleRate;
        SourceChannels = sourceChannels;
        Container = container;
    }

    /// <summary>Wraps samples that are already mono at <paramref name="sampleRate"/>.</summary>
    public static AudioSignal FromSamples(float[] samples, int sampleRate) =>
        new(samples, sampleRate, sampleRate, 1, AudioContainer.Unknown);

#pragma warning disable CA1819 // The samples are the payload; copying them on every access would defeat the point.
    /// <summary>The mono samples, nominally in [-1, 1]; the array itself, not a copy.</summary>
    public float[] Samples { get; }
#pragma warning restore CA1819

    /// <summary>The rate of <see cref="Samples"/>, in Hz.</summary>
    public int SampleRate { get; }

    /// <summary>The rate the source was recorded at, before resampling (equal to <see cref="SampleRate"/> when none was needed).</summary>
    public int SourceSampleRate { get; }

    /// <summary>The source's channels, averaged into the mono <see cref="Samples"/>.</summary>
    public int SourceChannels { get; }

    /// <summary>What the source's bytes were; <see cref="AudioContainer.Unknown"/> for samples that never were a file.</summary>
    public AudioContainer Container { get; }

    /// <summary>The length of <see cref="Samples"/> at <see cref="SampleRate"/> (of the part decoded, when decoding stopped early).</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}
