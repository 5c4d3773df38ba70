namespace Genre.Audio;

/// <summary>Mono float32 samples at <see cref="SampleRate"/>, exactly as <c>librosa.load(path, sr=...)</c> returns them.</summary>
public sealed class AudioSignal
{
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
    public float[] Samples { get; }
#pragma warning restore CA1819

    public int SampleRate { get; }

    public int SourceSampleRate { get; }

    public int SourceChannels { get; }

    public AudioContainer Container { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}
