using Genre.Audio;
using Genre.Model;
using MathNet.Numerics.Distributions;

namespace Genre.Training.Augmentation;

/// <summary>
/// The waveform augmentations of one clip, in the order pitch, stretch, gain, noise, each applied with probability
/// <see cref="AugmentationSettings.WaveformProbability"/> and drawn from one seeded generator; every output has the input's length, so the clip's segments stay where the feature file has them.
/// </summary>
internal static class WaveformAugmenter
{
    /// <summary>The clip after the transforms <paramref name="settings"/> turns on, with parameters drawn from <paramref name="random"/>.</summary>
    public static float[] Apply(ReadOnlySpan<float> signal, int sampleRate, AugmentationSettings settings, Random random)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(random);
        var x = signal.ToArray();
        if (Applies(settings, AugmentationSettings.Pitch, random))
        {
            x = PitchShift(x, sampleRate, Math.Pow(2, Uniform(random, settings.PitchSemitones) / 12));
        }

        if (Applies(settings, AugmentationSettings.Stretch, random))
        {
            x = Reframe(TimeStretcher.Stretch(x, sampleRate, 1 + Uniform(random, settings.StretchRange)), x.Length);
        }

        if (Applies(settings, AugmentationSettings.Gain, random))
        {
            Gain(x, Uniform(random, settings.GainDb));
        }

        if (Applies(settings, AugmentationSettings.Noise, random))
        {
            AddNoise(x, settings.NoiseSnrDb, random);
        }

        return x;
    }

    /// <summary>
    /// Every frequency times <paramref name="factor"/>, by libsoxr resampling (HQ) to <c>rate / factor</c> and
    /// playing the result at <c>rate</c>; the tempo changes by the same factor, and the clip keeps its length.
    /// </summary>
    public static float[] PitchShift(ReadOnlySpan<float> signal, int sampleRate, double factor)
    {
        if (!(factor > 0) || !double.IsFinite(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "the pitch factor must be a positive number");
        }

        var output = new List<float>((int)(signal.Length / factor) + 64);
        using (var soxr = new SoxrResampler(sampleRate, sampleRate / factor))
        {
            soxr.Process(signal, s => output.AddRange(s));
            soxr.Flush(s => output.AddRange(s));
        }

        return Reframe([.. output], signal.Length);
    }

    /// <summary>Multiplies by 10^(dB / 20).</summary>
    public static void Gain(Span<float> signal, double decibels)
    {
        var factor = (float)Math.Pow(10, decibels / 20);
        foreach (ref var v in signal)
        {
            v *= factor;
        }
    }

    /// <summary>Adds white Gaussian noise whose power is the signal's mean power / 10^(SNR / 10); digital silence is left alone.</summary>
    public static void AddNoise(Span<float> signal, double snrDb, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var power = 0.0;
        foreach (var v in signal)
        {
            power += (double)v * v;
        }

        power /= Math.Max(1, signal.Length);
        if (power == 0)
        {
            return;
        }

        var sd = Math.Sqrt(power / Math.Pow(10, snrDb / 10));
        foreach (ref var v in signal)
        {
            v += (float)Normal.Sample(random, 0, sd);
        }
    }

    /// <summary><paramref name="x"/> cut to <paramref name="length"/>, or repeated from its start until it fills it.</summary>
    internal static float[] Reframe(float[] x, int length)
    {
        if (x.Length == length || x.Length == 0)
        {
            return x.Length == 0 ? new float[length] : x;
        }

        var result = new float[length];
        for (var filled = 0; filled < length; filled += x.Length)
        {
            x.AsSpan(0, Math.Min(x.Length, length - filled)).CopyTo(result.AsSpan(filled));
        }

        return result;
    }

    /// <summary>Whether <paramref name="transform"/> is on and, with probability <see cref="AugmentationSettings.WaveformProbability"/>, applied this time.</summary>
    private static bool Applies(AugmentationSettings settings, string transform, Random random) =>
        settings.Has(transform) && (settings.WaveformProbability >= 1 || random.NextDouble() < settings.WaveformProbability);

    private static double Uniform(Random random, double halfWidth) => ((2 * random.NextDouble()) - 1) * halfWidth;
}
