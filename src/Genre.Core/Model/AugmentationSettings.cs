namespace Genre.Model;

/// <summary>
/// Which augmentations training applied on the fly and with what parameters, recorded in the card as
/// <c>augmentation</c>. Waveform transforms (noise, gain, pitch, stretch) are drawn per clip and epoch, spectrogram
/// ones (specaugment, mixup) per mini-batch and epoch, each from a seed derived from <see cref="Seed"/>, the epoch
/// and the clip or batch, so a run repeats exactly with the same seed and thread count.
/// </summary>
public sealed record AugmentationSettings
{
    /// <summary>White noise at <see cref="NoiseSnrDb"/> (a waveform transform).</summary>
    public const string Noise = "noise";

    /// <summary>A random gain within <see cref="GainDb"/> (a waveform transform).</summary>
    public const string Gain = "gain";

    /// <summary>A random pitch shift within <see cref="PitchSemitones"/> (a waveform transform).</summary>
    public const string Pitch = "pitch";

    /// <summary>A random time stretch within <see cref="StretchRange"/>, pitch kept (a waveform transform).</summary>
    public const string Stretch = "stretch";

    /// <summary>SpecAugment's time and coefficient masks on the MFCC segments.</summary>
    public const string SpecAugment = "specaugment";

    /// <summary>Mixup: pairs of segments and their targets blended with a Beta(<see cref="MixupAlpha"/>) weight.</summary>
    public const string Mixup = "mixup";

    /// <summary>Every transform, in the order they are applied.</summary>
    public static IReadOnlyList<string> AllTransforms { get; } = [Pitch, Stretch, Gain, Noise, SpecAugment, Mixup];

    /// <summary>The transforms that need the audio rather than the MFCC feature file.</summary>
    public static IReadOnlyList<string> WaveformTransforms { get; } = [Pitch, Stretch, Gain, Noise];

    /// <summary>The transforms applied, a subset of <see cref="AllTransforms"/> in that order.</summary>
    public IReadOnlyList<string> Transforms { get; init; } = [];

    /// <summary>The training seed every per-epoch, per-clip and per-batch seed derives from.</summary>
    public int Seed { get; init; }

    /// <summary>How the per-item seeds are derived, in words.</summary>
    public string SeedRule { get; init; } = "SplitMix64(seed, stream, epoch, clip or batch index)";

    /// <summary>
    /// The chance that each waveform transform is applied to a clip in an epoch (drawn from the clip's generator), as
    /// audiomentations' <c>p</c> (whose default this is): the network also sees clips as they are. With 1 every clip is
    /// transformed every epoch and the clean validation and test clips fall outside what it learned: noise at 20 dB
    /// alone took validation accuracy per segment to 15-30 % (README, "What each improvement is worth").
    /// </summary>
    public double WaveformProbability { get; init; } = 0.5;

    /// <summary>White noise added at this signal-to-noise ratio (dB, against the clip's mean power).</summary>
    public double NoiseSnrDb { get; init; } = 20;

    /// <summary>Gain drawn uniformly in [-x, +x] dB.</summary>
    public double GainDb { get; init; } = 6;

    /// <summary>
    /// Pitch shift drawn uniformly in [-x, +x] semitones, by libsoxr resampling (which also changes the tempo by the
    /// same factor, as a tape played faster); the clip keeps its length, wrapped around if it came out shorter.
    /// </summary>
    public double PitchSemitones { get; init; } = 2;

    /// <summary>Time stretch by a factor drawn uniformly in [1 - x, 1 + x], pitch kept (Rubber Band); the clip is cut or wrapped back to its length.</summary>
    public double StretchRange { get; init; } = 0.1;

    /// <summary>SpecAugment time masks per segment, each of a width drawn uniformly in [0, width] frames.</summary>
    public int TimeMasks { get; init; } = 2;

    /// <summary>The widest SpecAugment time mask, in frames.</summary>
    public int TimeMaskFrames { get; init; } = 13;

    /// <summary>
    /// SpecAugment "frequency" masks: on MFCC input these are bands of consecutive cepstral coefficients, not of
    /// frequencies. A masked cell takes its coefficient's mean over the segment (MFCCs are not centred, so zero would
    /// be a spike in c0).
    /// </summary>
    public int CoefficientMasks { get; init; } = 1;

    /// <summary>The widest SpecAugment coefficient mask, in coefficients.</summary>
    public int CoefficientMaskWidth { get; init; } = 2;

    /// <summary>Mixup's Beta(alpha, alpha): one mixing weight per mini-batch, soft targets in the cross-entropy.</summary>
    public double MixupAlpha { get; init; } = 0.2;

    /// <summary>Where the waveforms came from (the <c>--data</c> folder's name) when a waveform transform is on.</summary>
    public string? Audio { get; init; }

    /// <summary>Whether <paramref name="transform"/> (one of the constants above) is in <see cref="Transforms"/>.</summary>
    public bool Has(string transform) => Transforms.Contains(transform, StringComparer.Ordinal);

    /// <summary>Whether any transform needs the audio (<see cref="WaveformTransforms"/>), so training must decode the clips.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasWaveform => WaveformTransforms.Any(Has);
}
