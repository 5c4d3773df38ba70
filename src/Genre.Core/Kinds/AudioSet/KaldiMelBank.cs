using Genre.Features;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// torchaudio.compliance.kaldi.get_mel_banks (vtln warp factor 1) padded with a zero column for the Nyquist bin:
/// triangles on mel(f) = 1127 ln(1 + f/700) that are not area-normalised, as the AudioSet network was trained with.
/// Computed in float64 and rounded once to float32: that is bit for bit the reference bank
/// (mel_banks_kaldi_128_1024_32k_0_15000.npy), whereas repeating torchaudio's float32 tensor arithmetic step by step
/// moves 940 of its weights, by up to 1.3e-5 (one float32 rounding of a mel near 3,500 is 2e-4 of a 27-mel slope).
/// </summary>
internal static class KaldiMelBank
{
    /// <summary>The sparse bank, for a fast apply.</summary>
    public static MelFilterBank Create(int sampleRate, int fftSize, int bands, double fMin, double fMax) =>
        MelFilterBank.FromDense(Dense(sampleRate, fftSize, bands, fMin, fMax), bands, (fftSize / 2) + 1);

    /// <summary>The full (bands x (fftSize/2 + 1)) matrix, row-major, the last column zero.</summary>
    public static float[] Dense(int sampleRate, int fftSize, int bands, double fMin, double fMax)
    {
        if (fftSize <= 0 || fftSize % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fftSize), fftSize, "The FFT size must be even and positive.");
        }

        if (bands <= 3 || !(fMin >= 0 && fMin < fMax && fMax <= sampleRate / 2.0))
        {
            throw new ArgumentOutOfRangeException(nameof(bands), $"Need more than 3 bands and 0 <= fMin < fMax <= Nyquist (bands {bands}, {fMin}..{fMax} Hz).");
        }

        var bins = (fftSize / 2) + 1;
        var binWidth = (double)sampleRate / fftSize;
        var melLow = HzToMel(fMin);
        var delta = (HzToMel(fMax) - melLow) / (bands + 1);
        var weights = new float[bands * bins];
        for (var m = 0; m < bands; m++)
        {
            var left = melLow + (m * delta);
            var center = melLow + ((m + 1) * delta);
            var right = melLow + ((m + 2) * delta);
            for (var k = 0; k < bins - 1; k++)
            {
                var mel = HzToMel(binWidth * k);
                var up = (mel - left) / (center - left);
                var down = (right - mel) / (right - center);
                weights[(m * bins) + k] = (float)Math.Max(0, Math.Min(up, down));
            }
        }

        return weights;
    }

    /// <summary>Kaldi's mel scale.</summary>
    internal static double HzToMel(double hz) => 1127.0 * Math.Log(1.0 + (hz / 700.0));
}
