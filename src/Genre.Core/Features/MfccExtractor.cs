using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Genre.Features;

/// <summary>
/// librosa.feature.mfcc with the defaults the original system used, to within the golden-file tolerances:
/// centred zero-padded STFT (periodic Hann), power, Slaney mel, power_to_db with a per-call 80 dB floor,
/// orthonormal DCT-II. Thread-safe; create once (or use <see cref="Shared"/>) and call from any thread.
/// </summary>
public sealed class MfccExtractor : IDisposable
{
    private static readonly Lazy<MfccExtractor> s_shared = new(() => new MfccExtractor(MfccSettings.Gtzan));
    private readonly BlockPowerSpectrum _fft;
    private readonly MelFilterBank _mel;
    private readonly float[] _window;
    private readonly float[] _dct;
    private bool _disposed;

    /// <summary>An extractor for <paramref name="settings"/> (the GTZAN ones when null): filters, window and DCT are built once here.</summary>
    public MfccExtractor(MfccSettings? settings = null)
    {
        Settings = settings ?? MfccSettings.Gtzan;
        _fft = new BlockPowerSpectrum(Settings.FftSize);
        _mel = MelFilterBank.Create(Settings.SampleRate, Settings.FftSize, Settings.MelBands);
        _window = PeriodicHann(Settings.FftSize);
        _dct = OrthonormalDct(Settings.Coefficients, Settings.MelBands);
    }

    /// <summary>One process-wide extractor with the GTZAN settings.</summary>
    public static MfccExtractor Shared => s_shared.Value;

    /// <summary>The parameters every call uses.</summary>
    public MfccSettings Settings { get; }

    /// <summary>MFCC of the whole signal as one call: (frames x coefficients), row-major.</summary>
    public float[] Compute(ReadOnlySpan<float> signal)
    {
        var result = new float[Settings.FrameCount(signal.Length) * Settings.Coefficients];
        Compute(signal, result);
        return result;
    }

    /// <summary>MFCC of the whole signal into <paramref name="destination"/> (frames x coefficients).</summary>
    public void Compute(ReadOnlySpan<float> signal, Span<float> destination)
    {
        var frames = Settings.FrameCount(signal.Length);
        if (signal.IsEmpty)
        {
            throw new ArgumentException("The signal is empty.", nameof(signal));
        }

        if (destination.Length < frames * Settings.Coefficients)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values; {frames * Settings.Coefficients} are needed.", nameof(destination));
        }

        var melDb = ArrayPool<float>.Shared.Rent(frames * Settings.MelBands);
        try
        {
            MelDecibels(signal, melDb.AsSpan(0, frames * Settings.MelBands), power: default);
            Dct(melDb.AsSpan(0, frames * Settings.MelBands), frames, destination);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(melDb);
        }
    }

    /// <summary>
    /// The training features of a clip, as the original extractor made them: segment s is samples
    /// [s * 66150, (s + 1) * 66150), each its own MFCC call; segments that do not give exactly 130 frames are dropped.
    /// </summary>
    public SegmentedMfcc ComputeSegments(ReadOnlySpan<float> signal, int? maxSegments = null)
    {
        var s = Settings;
        var perSegment = s.FramesPerSegment * s.Coefficients;
        var count = maxSegments ?? s.SegmentsPerClip;
        var kept = new List<int>(count);
        var data = new float[count * perSegment];
        for (var i = 0; i < count; i++)
        {
            var start = (long)i * s.SegmentSamples;
            if (start >= signal.Length)
            {
                break;
            }

            var segment = signal.Slice((int)start, (int)Math.Min(s.SegmentSamples, signal.Length - start));
            if (s.FrameCount(segment.Length) != s.FramesPerSegment)
            {
                continue;
            }

            Compute(segment, data.AsSpan(kept.Count * perSegment, perSegment));
            kept.Add(i);
        }

        if (kept.Count < count)
        {
            Array.Resize(ref data, kept.Count * perSegment);
        }

        return new SegmentedMfcc(data, [.. kept], s.FramesPerSegment, s.Coefficients);
    }

    /// <summary>
    /// Power spectrogram (optional tap, frames x bins) and log-mel in dB after the top_db floor (frames x bands).
    /// </summary>
    internal void MelDecibels(ReadOnlySpan<float> signal, Span<float> melDb, Span<float> power)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        const int Lanes = BlockPowerSpectrum.Lanes;
        var n = Settings.FftSize;
        var bins = _fft.Bins;
        var bands = Settings.MelBands;
        var frames = Settings.FrameCount(signal.Length);
        var input = ArrayPool<float>.Shared.Rent(n * Lanes);
        var block = ArrayPool<float>.Shared.Rent(bins * Lanes);
        Span<Vector256<float>> mel = stackalloc Vector256<float>[bands];
        try
        {
            for (var first = 0; first < frames; first += Lanes)
            {
                // The last block's unused lanes transform zeros; only the frames that exist are kept.
                var count = Math.Min(Lanes, frames - first);
                for (var b = 0; b < Lanes; b++)
                {
                    WindowedFrame(signal, first + b, b < count, input.AsSpan(b * n, n));
                }

                _fft.Execute(input, block);
                _mel.ApplyBlock(block, mel);
                // Band m of frame b is value [m * Lanes + b]: read as floats, not element by element out of vectors.
                var melValues = MemoryMarshal.Cast<Vector256<float>, float>(mel);
                for (var b = 0; b < count; b++)
                {
                    var t = first + b;
                    var row = melDb.Slice(t * bands, bands);
                    for (var m = 0; m < row.Length; m++)
                    {
                        row[m] = melValues[(m * Lanes) + b];
                    }

                    if (!power.IsEmpty)
                    {
                        for (var k = 0; k < bins; k++)
                        {
                            power[(t * bins) + k] = block[(k * Lanes) + b];
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
            ArrayPool<float>.Shared.Return(block);
        }

        var db = melDb[..(frames * bands)];
        TensorPrimitives.Max(db, 1e-10f, db);
        TensorPrimitives.Log10(db, db);
        TensorPrimitives.Multiply(db, 10f, db);
        TensorPrimitives.Max(db, TensorPrimitives.Max(db) - Settings.TopDb, db);
    }

    /// <summary>Frame t of the centred STFT: signal[t*hop - n/2, t*hop + n/2) times the window, zeros outside the signal.</summary>
    private void WindowedFrame(ReadOnlySpan<float> signal, int t, bool exists, Span<float> input)
    {
        if (!exists)
        {
            input.Clear();
            return;
        }

        var n = input.Length;
        var from = (t * Settings.HopLength) - (n / 2);
        var lo = Math.Max(0, -from);
        var hi = Math.Min(n, signal.Length - from);
        input[..lo].Clear();
        if (hi > lo)
        {
            TensorPrimitives.Multiply(signal.Slice(from + lo, hi - lo), _window.AsSpan(lo, hi - lo), input[lo..hi]);
        }

        input[Math.Max(hi, lo)..].Clear();
    }

    private void Dct(ReadOnlySpan<float> melDb, int frames, Span<float> destination)
    {
        var bands = Settings.MelBands;
        var coefficients = Settings.Coefficients;
        for (var t = 0; t < frames; t++)
        {
            var frame = melDb.Slice(t * bands, bands);
            for (var k = 0; k < coefficients; k++)
            {
                destination[(t * coefficients) + k] = TensorPrimitives.Dot(_dct.AsSpan(k * bands, bands), frame);
            }
        }
    }

    /// <summary>scipy.signal.get_window('hann', n, fftbins=True).</summary>
    private static float[] PeriodicHann(int n)
    {
        var window = new float[n];
        for (var i = 0; i < n; i++)
        {
            window[i] = (float)(0.5 - (0.5 * Math.Cos(2 * Math.PI * i / n)));
        }

        return window;
    }

    /// <summary>Rows 0..count-1 of the orthonormal DCT-II matrix (scipy.fftpack.dct(type=2, norm='ortho')).</summary>
    private static float[] OrthonormalDct(int count, int n)
    {
        var matrix = new float[count * n];
        for (var k = 0; k < count; k++)
        {
            var scale = Math.Sqrt((k == 0 ? 1.0 : 2.0) / n);
            for (var i = 0; i < n; i++)
            {
                matrix[(k * n) + i] = (float)(scale * Math.Cos(Math.PI * k * ((2 * i) + 1) / (2.0 * n)));
            }
        }

        return matrix;
    }

    /// <summary>
    /// Ends the extractor's use (it holds no native memory): a second call does nothing, and a call after it is an
    /// <see cref="ObjectDisposedException"/>. The shared instance cannot be disposed (its other users would break):
    /// this is a no-op for it.
    /// </summary>
    public void Dispose()
    {
        if (!ReferenceEquals(this, s_shared.IsValueCreated ? s_shared.Value : null))
        {
            _disposed = true;
        }
    }
}
