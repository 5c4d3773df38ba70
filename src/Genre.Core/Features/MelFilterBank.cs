using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Genre.Features;

/// <summary>
/// A mel filter bank kept sparse: each filter touches only a few dozen of the spectrum's bins. <see cref="Create"/>
/// builds librosa.filters.mel(htk=False, norm='slaney'): triangular filters on the Slaney mel scale, area-normalised,
/// computed in float64 and stored as float32. Written here because no library on hand has Slaney's scale bit-exact.
/// Other banks (the Kaldi one of the AudioSet network) come in through <see cref="FromDense"/>.
/// </summary>
internal sealed class MelFilterBank
{
    private const double MinLogHz = 1000.0;
    private const double LinearStep = 200.0 / 3;
    private static readonly double s_logStep = Math.Log(6.4) / 27.0;

    private MelFilterBank(int bands, int bins, int[] start, float[][] weights)
    {
        Bands = bands;
        Bins = bins;
        Start = start;
        Weights = weights;
    }

    public int Bands { get; }

    public int Bins { get; }

    /// <summary>First non-zero bin of each filter.</summary>
    public int[] Start { get; }

    /// <summary>The non-zero weights of each filter, from <see cref="Start"/> on.</summary>
    public float[][] Weights { get; }

    public static MelFilterBank Create(int sampleRate, int fftSize, int bands, double fMin = 0, double? fMax = null)
    {
        var dense = Dense(sampleRate, fftSize, bands, fMin, fMax ?? sampleRate / 2.0);
        return FromDense(dense, bands, 1 + (fftSize / 2));
    }

    /// <summary>The sparse form of a (bands x bins) row-major matrix: each row from its first to its last non-zero weight.</summary>
    public static MelFilterBank FromDense(ReadOnlySpan<float> dense, int bands, int bins)
    {
        if (dense.Length != bands * bins)
        {
            throw new ArgumentException($"The matrix holds {dense.Length} weights, not {bands} x {bins}.", nameof(dense));
        }

        var start = new int[bands];
        var weights = new float[bands][];
        for (var m = 0; m < bands; m++)
        {
            var row = dense.Slice(m * bins, bins);
            var first = row.IndexOfAnyExcept(0f);
            var last = row.LastIndexOfAnyExcept(0f);
            start[m] = Math.Max(first, 0);
            weights[m] = first < 0 ? [] : row[first..(last + 1)].ToArray();
        }

        return new MelFilterBank(bands, bins, start, weights);
    }

    /// <summary>Filters one power spectrum of <see cref="Bins"/> values into <see cref="Bands"/> mel energies.</summary>
    public void Apply(ReadOnlySpan<float> spectrum, Span<float> mel)
    {
        for (var m = 0; m < Bands; m++)
        {
            var weights = Weights[m];
            mel[m] = weights.Length == 0 ? 0f : TensorPrimitives.Dot(weights, spectrum.Slice(Start[m], weights.Length));
        }
    }

    /// <summary>
    /// Filters <see cref="BlockPowerSpectrum.Lanes"/> power spectra held bin-major (value [bin * Lanes + frame], as
    /// <see cref="BlockPowerSpectrum"/> writes them): each weight is one vector multiply-add over the eight frames, and
    /// <paramref name="mel"/>[m] receives band m of all of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void ApplyBlock(ReadOnlySpan<float> block, Span<Vector256<float>> mel)
    {
        if (block.Length < Bins * BlockPowerSpectrum.Lanes || mel.Length < Bands)
        {
            throw new ArgumentException($"A block holds {Bins * BlockPowerSpectrum.Lanes} power values and {Bands} bands.");
        }

        for (var m = 0; m < Bands; m++)
        {
            var weights = Weights[m];
            // In range: a filter's weights end at or before the last bin, and the block holds every bin of each frame.
            ref var bins = ref Unsafe.Add(ref MemoryMarshal.GetReference(block), Start[m] * BlockPowerSpectrum.Lanes);
            var sum = Vector256<float>.Zero;
            for (var j = 0; j < weights.Length; j++)
            {
                sum = Vector256.FusedMultiplyAdd(Vector256.Create(weights[j]), Vector256.LoadUnsafe(ref bins, (nuint)(j * BlockPowerSpectrum.Lanes)), sum);
            }

            mel[m] = sum;
        }
    }

    /// <summary>The full (bands x bins) matrix, row-major, as librosa returns it.</summary>
    public static float[] Dense(int sampleRate, int fftSize, int bands, double fMin, double fMax)
    {
        var bins = 1 + (fftSize / 2);
        var fftFreqs = new double[bins];
        for (var k = 0; k < bins; k++)
        {
            fftFreqs[k] = k * (1.0 / (fftSize * (1.0 / sampleRate))); // np.fft.rfftfreq(n_fft, 1/sr)
        }

        var melF = MelFrequencies(bands + 2, fMin, fMax);
        var weights = new float[bands * bins];
        for (var m = 0; m < bands; m++)
        {
            var lowerWidth = melF[m + 1] - melF[m];
            var upperWidth = melF[m + 2] - melF[m + 1];
            var enorm = 2.0 / (melF[m + 2] - melF[m]);
            for (var k = 0; k < bins; k++)
            {
                var lower = -(melF[m] - fftFreqs[k]) / lowerWidth;
                var upper = (melF[m + 2] - fftFreqs[k]) / upperWidth;
                // librosa stores the triangle in float32, then scales it in float64 and rounds again.
                var triangle = (float)Math.Max(0, Math.Min(lower, upper));
                weights[(m * bins) + k] = (float)(triangle * enorm);
            }
        }

        return weights;
    }

    private static double[] MelFrequencies(int count, double fMin, double fMax)
    {
        var minMel = HzToMel(fMin);
        var maxMel = HzToMel(fMax);
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            // np.linspace: start + i * step, with the last point exactly the stop value.
            var mel = i == count - 1 ? maxMel : minMel + (i * ((maxMel - minMel) / (count - 1)));
            result[i] = MelToHz(mel);
        }

        return result;
    }

    internal static double HzToMel(double hz) =>
        hz >= MinLogHz ? (MinLogHz / LinearStep) + (Math.Log(hz / MinLogHz) / s_logStep) : hz / LinearStep;

    internal static double MelToHz(double mel)
    {
        const double minLogMel = MinLogHz / LinearStep;
        return mel >= minLogMel ? MinLogHz * Math.Exp(s_logStep * (mel - minLogMel)) : LinearStep * mel;
    }
}
