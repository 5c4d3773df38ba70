using CsCheck;
using Genre.Features;
using Shouldly;

namespace Genre.Core.Tests.Features;

/// <summary>
/// The project's own FFT against an independent oracle: the power spectrum by the definition of the DFT, summed in
/// float64 (O(n^2), so sizes stay small enough to be quick). The librosa and AudioSet parity tests check it again
/// through the features at the real sizes.
/// </summary>
public sealed class BlockPowerSpectrumTests
{
    [Fact]
    public void Eight_arbitrary_frames_of_any_power_of_two_size_match_the_dft_definition()
    {
        var gen = Gen.Int[4, 10].SelectMany(log2 =>
            Gen.Float[-1f, 1f].Array[(1 << log2) * BlockPowerSpectrum.Lanes].Select(frames => (Size: 1 << log2, Frames: frames)));

        gen.Sample(input =>
        {
            var (size, frames) = input;
            var fft = new BlockPowerSpectrum(size);
            var power = new float[fft.Bins * BlockPowerSpectrum.Lanes];
            fft.Execute(frames, power);

            for (var f = 0; f < BlockPowerSpectrum.Lanes; f++)
            {
                var expected = DftPower(frames.AsSpan(f * size, size));
                var peak = expected.Max();
                for (var k = 0; k < fft.Bins; k++)
                {
                    Math.Abs(power[(k * BlockPowerSpectrum.Lanes) + f] - expected[k]).ShouldBeLessThanOrEqualTo(1e-5 * Math.Max(peak, 1), $"size {size}, frame {f}, bin {k}");
                }
            }
        }, iter: 60);
    }

    [Fact]
    public void A_pure_tone_on_a_bin_puts_all_its_energy_in_that_bin()
    {
        const int Size = 2048;
        const int Bin = 93;
        var fft = new BlockPowerSpectrum(Size);
        var frames = new float[Size * BlockPowerSpectrum.Lanes];
        for (var f = 0; f < BlockPowerSpectrum.Lanes; f++)
        {
            for (var i = 0; i < Size; i++)
            {
                frames[(f * Size) + i] = (float)Math.Cos((2 * Math.PI * Bin * i / Size) + f);
            }
        }

        var power = new float[fft.Bins * BlockPowerSpectrum.Lanes];
        fft.Execute(frames, power);

        for (var f = 0; f < BlockPowerSpectrum.Lanes; f++)
        {
            // |X[bin]| = n / 2 for a unit cosine, whatever its phase; everything else is rounding.
            power[(Bin * BlockPowerSpectrum.Lanes) + f].ShouldBe(Size * Size / 4f, Size * Size / 4f * 1e-5f);
            for (var k = 0; k < fft.Bins; k++)
            {
                if (k != Bin)
                {
                    power[(k * BlockPowerSpectrum.Lanes) + f].ShouldBeLessThan(1e-3f);
                }
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(24)]
    [InlineData(1000)]
    [InlineData(-16)]
    public void Sizes_that_are_not_a_power_of_two_of_at_least_16_are_refused(int size) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new BlockPowerSpectrum(size)).Message.ShouldContain("power of two");

    [Fact]
    public void Too_few_frames_or_too_little_room_for_the_power_is_an_argument_error()
    {
        var fft = new BlockPowerSpectrum(64);
        Should.Throw<ArgumentException>(() => fft.Execute(new float[(64 * BlockPowerSpectrum.Lanes) - 1], new float[fft.Bins * BlockPowerSpectrum.Lanes]));
        Should.Throw<ArgumentException>(() => fft.Execute(new float[64 * BlockPowerSpectrum.Lanes], new float[(fft.Bins * BlockPowerSpectrum.Lanes) - 1]));
    }

    private static double[] DftPower(ReadOnlySpan<float> frame)
    {
        var n = frame.Length;
        var power = new double[(n / 2) + 1];
        for (var k = 0; k < power.Length; k++)
        {
            double re = 0, im = 0;
            for (var i = 0; i < n; i++)
            {
                var angle = -2 * Math.PI * ((long)k * i % n) / n;
                re += frame[i] * Math.Cos(angle);
                im += frame[i] * Math.Sin(angle);
            }

            power[k] = (re * re) + (im * im);
        }

        return power;
    }
}
