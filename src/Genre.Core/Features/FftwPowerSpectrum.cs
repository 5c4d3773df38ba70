using System.Numerics.Tensors;
using Genre.Audio.Native;

namespace Genre.Features;

/// <summary>
/// |rfft(frame)|^2 with FFTW (libfftw3f): one plan shared by all threads, each thread executing it on its own
/// aligned buffers. FFTW won the FFT benchmark (benchmarks/Genre.Benchmarks/FftBenchmarks.cs) against the
/// managed libraries on hand.
/// </summary>
internal sealed unsafe class FftwPowerSpectrum : IDisposable
{
    private static readonly Lock s_plannerLock = new();
    private readonly IntPtr _plan;

    [ThreadStatic]
    private static Buffers? t_buffers;

    public FftwPowerSpectrum(int size)
    {
        if (size <= 0 || size % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The FFT size must be even and positive.");
        }

        Size = size;
        Bins = (size / 2) + 1;
        using var scratch = new Buffers(size);
        var dim = new Fftw.IoDim { N = size, InputStride = 1, OutputStride = 1 };
        lock (s_plannerLock)
        {
            _plan = Fftw.PlanGuruSplitDftR2C(1, &dim, 0, null, scratch.Input, scratch.Real, scratch.Imag, Fftw.FFTW_ESTIMATE);
        }

        if (_plan == IntPtr.Zero)
        {
            throw new InvalidOperationException($"FFTW could not plan a real FFT of size {size}.");
        }
    }

    public int Size { get; }

    public int Bins { get; }

    /// <summary>The calling thread's input buffer: fill it with the windowed frame, then call <see cref="Execute"/>.</summary>
    public Span<float> Input => new(ThreadBuffers.Input, Size);

    /// <summary>Transforms <see cref="Input"/> and writes <see cref="Bins"/> power values.</summary>
    public void Execute(Span<float> power)
    {
        var buffers = ThreadBuffers;
        Fftw.ExecuteSplitDftR2C(_plan, buffers.Input, buffers.Real, buffers.Imag);
        var re = new ReadOnlySpan<float>(buffers.Real, Bins);
        var im = new ReadOnlySpan<float>(buffers.Imag, Bins);
        TensorPrimitives.Multiply(re, re, power);
        TensorPrimitives.MultiplyAdd(im, im, power, power);
    }

    private Buffers ThreadBuffers
    {
        get
        {
            var buffers = t_buffers;
            if (buffers is null || buffers.Size < Size)
            {
                buffers?.Dispose();
                t_buffers = buffers = new Buffers(Size);
            }

            return buffers;
        }
    }

    public void Dispose()
    {
        lock (s_plannerLock)
        {
            Fftw.DestroyPlan(_plan);
        }
    }

    /// <summary>SIMD-aligned buffers from fftwf_malloc, freed when their thread's reference goes away.</summary>
    private sealed class Buffers : IDisposable
    {
        public Buffers(int size)
        {
            Size = size;
            var bins = (size / 2) + 1;
            Input = (float*)Fftw.Malloc((nuint)(size * sizeof(float)));
            Real = (float*)Fftw.Malloc((nuint)(bins * sizeof(float)));
            Imag = (float*)Fftw.Malloc((nuint)(bins * sizeof(float)));
        }

        ~Buffers() => Free();

        public int Size { get; }

        public float* Input { get; private set; }

        public float* Real { get; private set; }

        public float* Imag { get; private set; }

        public void Dispose()
        {
            Free();
            GC.SuppressFinalize(this);
        }

        private void Free()
        {
            if (Input != null)
            {
                Fftw.Free(Input);
                Fftw.Free(Real);
                Fftw.Free(Imag);
                Input = Real = Imag = null;
            }
        }
    }
}
