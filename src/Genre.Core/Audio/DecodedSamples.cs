namespace Genre.Audio;

/// <summary>
/// What <see cref="AudioLoader"/> decoded: the first <see cref="Length"/> values of <see cref="Buffer"/> (longer than
/// that when it was rented from a pool), at <see cref="SampleRate"/>.
/// </summary>
internal readonly record struct DecodedSamples(float[] Buffer, int Length, int SampleRate, int SourceSampleRate, int SourceChannels, AudioContainer Container)
{
    public ReadOnlySpan<float> Samples => Buffer.AsSpan(0, Length);

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Length / SampleRate);

    /// <summary>The public form, which owns an array of exactly <see cref="Length"/> samples.</summary>
    public AudioSignal ToSignal() =>
        new(Buffer.Length == Length ? Buffer : Buffer[..Length], SampleRate, SourceSampleRate, SourceChannels, Container);
}
