using System.Buffers;
using Genre.Audio.Native;

namespace Genre.Audio;

/// <summary>
/// Streaming mono resampler over libsoxr with the HQ recipe, the one librosa's <c>soxr_hq</c> uses.
/// Fed block by block it gives the same samples as python-soxr's one-shot call on the whole signal.
/// </summary>
internal sealed unsafe class SoxrResampler : IDisposable
{
    private readonly SoxrHandle _soxr;

    // Rented, not new: at 256 KB it is a large object, and one resampler per decoded file made the batch pipeline's
    // peak grow with the number of files (large-object garbage between full collections).
    private float[] _output = ArrayPool<float>.Shared.Rent(1 << 16);

    private readonly string? _name;

    /// <summary>A resampler for the input <paramref name="name"/> (only used to say which input libsoxr refused).</summary>
    public SoxrResampler(double inputRate, double outputRate, string? name = null)
    {
        _name = name;
        var quality = Soxr.QualitySpecFor(Soxr.SOXR_HQ, 0);
        var raw = Soxr.Create(inputRate, outputRate, 1, out var error, IntPtr.Zero, &quality, IntPtr.Zero);
        if (raw == IntPtr.Zero || error != IntPtr.Zero)
        {
            // libsoxr refuses a rate (or ratio) it cannot handle: that is the input's fault, not a bug.
            throw new UnsupportedAudioException(name, $"libsoxr cannot resample {inputRate} Hz to {outputRate} Hz: {Soxr.ErrorText(error)}");
        }

        _soxr = new SoxrHandle(raw);
        Ratio = outputRate / inputRate;
    }

    public double Ratio { get; }

    /// <summary>Resamples <paramref name="input"/> (all of it) and passes the output produced so far to <paramref name="sink"/>.</summary>
    public void Process(ReadOnlySpan<float> input, Action<ReadOnlySpan<float>> sink)
    {
        var need = (int)(input.Length * Ratio) + 64;
        if (_output.Length < need)
        {
            ArrayPool<float>.Shared.Return(_output);
            _output = ArrayPool<float>.Shared.Rent(need);
        }

        fixed (float* inPtr = input)
        fixed (float* outPtr = _output)
        {
            var consumed = 0;
            while (consumed < input.Length)
            {
                Check(Soxr.Process(_soxr, inPtr + consumed, (nuint)(input.Length - consumed), out var used,
                    outPtr, (nuint)_output.Length, out var produced));
                consumed += (int)used;
                if (produced > 0)
                {
                    sink(_output.AsSpan(0, (int)produced));
                }
                else if (used == 0)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Signals the end of input and drains the filter's delay line.</summary>
    public void Flush(Action<ReadOnlySpan<float>> sink)
    {
        fixed (float* outPtr = _output)
        {
            while (true)
            {
                Check(Soxr.Process(_soxr, null, 0, out _, outPtr, (nuint)_output.Length, out var produced));
                if (produced == 0)
                {
                    return;
                }

                sink(_output.AsSpan(0, (int)produced));
            }
        }
    }

    private void Check(IntPtr error)
    {
        if (error != IntPtr.Zero)
        {
            throw new AudioDecodeException(_name, $"libsoxr failed while resampling: {Soxr.ErrorText(error)}");
        }
    }

    public void Dispose()
    {
        if (!_soxr.IsClosed)
        {
            _soxr.Dispose();
            ArrayPool<float>.Shared.Return(Interlocked.Exchange(ref _output, []));
        }
    }
}
