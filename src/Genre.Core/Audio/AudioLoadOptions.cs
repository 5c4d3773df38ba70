namespace Genre.Audio;

/// <summary>How <see cref="AudioLoader"/> decodes.</summary>
public sealed record AudioLoadOptions
{
    /// <summary>22,050 Hz, the whole file, extension checked: what <see cref="AudioLoader"/> uses when given no options.</summary>
    public static AudioLoadOptions Default { get; } = new();

    /// <summary>Output rate; librosa's default, and the rate the GTZAN model was trained on.</summary>
    public int SampleRate { get; init; } = 22050;

    /// <summary>
    /// Stop once this many output samples exist. They equal the first samples of a full load (the resampler is fed
    /// until its output covers them), so a 30 s prefix of a one-hour file costs 30 s of decoding.
    /// </summary>
    public int? MaxSamples { get; init; }

    /// <summary>Accept any file name; the content decides. Uploads and streams always work this way.</summary>
    public bool IgnoreExtension { get; init; }
}
