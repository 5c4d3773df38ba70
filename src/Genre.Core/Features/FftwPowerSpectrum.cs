using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Genre.Audio.Native;

namespace Genre.Features;

/// <summary>
/// |rfft(frame)|^2 with FFTW (libfftw3f): one plan shared by all threads, each thread executing it on its own
/// aligned buffers. FFTW won the FFT benchmark (benchmarks/Genre.Benchmarks/FftBenchmarks.cs) against the
/// managed libraries on hand; its interleaved r2c plan (FFTW_ESTIMATE: planning costs nothing at start-up) beat the
/// split-output and halfcomplex ones.
/// </summary>
internal sealed unsafe class FftwPowerSpectrum : IDisposable
{
    private readonly FftwPlanHandle _plan;

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
        lock (Fftw.PlannerLock)
        {
            _plan = Fftw.PlanDftR2C1D(size, scratch.Input, scratch.Output, Fftw.FFTW_ESTIMATE);
        }

        if (_plan.IsInvalid)
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
        Fftw.ExecuteDftR2C(_plan, buffers.Input, buffers.Output);
        Power(buffers.Output, power[..Bins]);
    }

    /// <summary>re^2 + im^2 of interleaved complex values, eight at a time where AVX2 allows.</summary>
    internal static void Power(float* complex, Span<float> power)
    {
        var k = 0;
        fixed (float* p = power)
        {
            if (Avx2.IsSupported)
            {
                for (; k + 8 <= power.Length; k += 8)
                {
                    var a = Avx.LoadVector256(complex + (2 * k));
                    var b = Avx.LoadVector256(complex + (2 * k) + 8);
                    // hadd gives [p0 p1 p4 p5 p2 p3 p6 p7]; swapping the middle 64-bit lanes restores the order.
                    var sums = Avx.HorizontalAdd(Avx.Multiply(a, a), Avx.Multiply(b, b));
                    var ordered = Avx2.Permute4x64(sums.AsDouble(), 0b11_01_10_00).AsSingle();
                    Avx.Store(p + k, ordered);
                }
            }

            for (; k < power.Length; k++)
            {
                var re = complex[2 * k];
                var im = complex[(2 * k) + 1];
                p[k] = (re * re) + (im * im);
            }
        }
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

    /// <summary>Destroys the plan; a second call does nothing, and an <see cref="Execute"/> after it is an <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose() => _plan.Dispose();

    /// <summary>SIMD-aligned buffers from fftwf_malloc, freed when their thread's reference goes away.</summary>
    private sealed class Buffers : IDisposable
    {
        public Buffers(int size)
        {
            Size = size;
            Input = (float*)Fftw.Malloc((nuint)(size * sizeof(float)));
            Output = (float*)Fftw.Malloc((nuint)((size + 2) * sizeof(float)));
        }

        ~Buffers() => Free();

        public int Size { get; }

        public float* Input { get; private set; }

        /// <summary>Interleaved complex output: re0, im0, re1, im1, ...</summary>
        public float* Output { get; private set; }

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
                Fftw.Free(Output);
                Input = Output = null;
            }
        }
    }
}
