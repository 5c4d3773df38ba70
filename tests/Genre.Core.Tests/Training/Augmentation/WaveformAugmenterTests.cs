using System.Numerics;
using CsCheck;
using Genre.Audio;
using Genre.Model;
using Genre.Training.Augmentation;
using MathNet.Numerics.IntegralTransforms;
using Shouldly;

namespace Genre.Core.Tests.Training.Augmentation;

/// <summary>Each waveform transform does what it says, and the whole chain is a function of its seed.</summary>
public sealed class WaveformAugmenterTests
{
    private const int Rate = 22050;

    private static float[] Sine(double frequency, int samples, double amplitude = 0.5) =>
        [.. Enumerable.Range(0, samples).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / Rate)))];

    /// <summary>The frequency of the strongest bin of a Hann-windowed FFT of the first <paramref name="n"/> samples, and the bin width.</summary>
    private static (double Frequency, double Bin) Peak(float[] x, int n)
    {
        var spectrum = new Complex[n];
        for (var i = 0; i < n; i++)
        {
            spectrum[i] = x[i] * (0.5 - (0.5 * Math.Cos(2 * Math.PI * i / n)));
        }

        Fourier.Forward(spectrum, FourierOptions.Matlab);
        var best = Enumerable.Range(1, (n / 2) - 1).MaxBy(k => spectrum[k].Magnitude);
        return ((double)best * Rate / n, (double)Rate / n);
    }

    private static double Power(IEnumerable<float> x) => x.Average(v => (double)v * v);

    [Fact]
    public void Noise_is_added_at_the_asked_snr_within_half_a_decibel() =>
        Gen.Select(Gen.Double[-5, 40], Gen.Int).Sample((snr, seed) =>
        {
            var clean = Sine(440, Rate);
            var noisy = (float[])clean.Clone();
            WaveformAugmenter.AddNoise(noisy, snr, new Random(seed));
            var measured = 10 * Math.Log10(Power(clean) / Power(noisy.Select((v, i) => v - clean[i])));
            Math.Abs(measured - snr).ShouldBeLessThan(0.5, $"asked {snr} dB, measured {measured} dB");
        }, iter: 20);

    [Fact]
    public void Silence_gets_no_noise()
    {
        var silence = new float[1000];
        WaveformAugmenter.AddNoise(silence, 20, new Random(1));
        silence.ShouldAllBe(v => v == 0);
    }

    [Fact]
    public void Gain_multiplies_by_the_decibels_amplitude_ratio()
    {
        var x = Sine(440, 1000);
        var y = (float[])x.Clone();
        WaveformAugmenter.Gain(y, 6);
        for (var i = 0; i < x.Length; i++)
        {
            y[i].ShouldBe((float)(x[i] * Math.Pow(10, 6 / 20.0)), 1e-6f);
        }
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(-2.0)]
    [InlineData(0.5)]
    public void Pitch_shift_moves_a_sines_frequency_by_the_factor_within_a_bin_and_keeps_the_length(double semitones)
    {
        var factor = Math.Pow(2, semitones / 12);
        var x = Sine(440, 3 * Rate);
        var shifted = WaveformAugmenter.PitchShift(x, Rate, factor);
        shifted.Length.ShouldBe(x.Length);
        // The resampled part before any wrap-around: at least 3 s / 1.13 of the output.
        var (frequency, bin) = Peak(shifted, 1 << 15);
        Math.Abs(frequency - (440 * factor)).ShouldBeLessThanOrEqualTo(bin, $"{frequency} Hz, expected {440 * factor} Hz");
    }

    [Theory]
    [InlineData(1.1)]
    [InlineData(0.9)]
    public void Stretch_changes_the_duration_by_the_factor_and_keeps_the_pitch(double ratio)
    {
        var x = Sine(440, 3 * Rate);
        var stretched = TimeStretcher.Stretch(x, Rate, ratio);
        ((double)stretched.Length / x.Length).ShouldBe(ratio, 0.01);
        var middle = stretched[(stretched.Length / 4)..];
        var (frequency, bin) = Peak(middle, 1 << 15);
        Math.Abs(frequency - 440).ShouldBeLessThanOrEqualTo(bin, $"{frequency} Hz after stretching by {ratio}");
    }

    [Fact]
    public void The_chain_is_a_function_of_its_seed_and_keeps_the_length()
    {
        var settings = new AugmentationSettings { Transforms = AugmentationSettings.WaveformTransforms };
        var x = Sine(330, 2 * Rate);
        var first = WaveformAugmenter.Apply(x, Rate, settings, new Random(7));
        first.Length.ShouldBe(x.Length);
        WaveformAugmenter.Apply(x, Rate, settings, new Random(7)).ShouldBe(first);
        WaveformAugmenter.Apply(x, Rate, settings, new Random(8)).ShouldNotBe(first);
    }

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void Each_transform_is_applied_to_a_clip_with_its_probability(double probability)
    {
        const int draws = 400;
        var settings = new AugmentationSettings { Transforms = [AugmentationSettings.Gain], WaveformProbability = probability };
        var x = Sine(330, 1000);

        var applied = Enumerable.Range(0, draws).Count(seed => !WaveformAugmenter.Apply(x, Rate, settings, new Random(seed)).SequenceEqual(x));

        // Binomial(400, p), fixed seeds: within four standard deviations (a gain of exactly 0 dB has probability zero).
        var sd = Math.Sqrt(draws * probability * (1 - probability));
        applied.ShouldBeInRange((int)Math.Floor((draws * probability) - (4 * sd)), (int)Math.Ceiling((draws * probability) + (4 * sd)));
    }

    [Fact]
    public void Per_item_seeds_repeat_and_differ_by_epoch_index_and_stream()
    {
        var seed = AugmentationSeed.For(42, AugmentationSeed.WaveformStream, 3, 17);
        AugmentationSeed.For(42, AugmentationSeed.WaveformStream, 3, 17).ShouldBe(seed);
        new[]
        {
            AugmentationSeed.For(43, AugmentationSeed.WaveformStream, 3, 17),
            AugmentationSeed.For(42, AugmentationSeed.BatchStream, 3, 17),
            AugmentationSeed.For(42, AugmentationSeed.WaveformStream, 4, 17),
            AugmentationSeed.For(42, AugmentationSeed.WaveformStream, 3, 18),
        }.ShouldNotContain(seed);
    }
}
