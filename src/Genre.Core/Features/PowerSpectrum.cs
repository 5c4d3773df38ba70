using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Genre.Audio.Native;

namespace Genre.Features;

/// <summary>
/// |rfft(frame)|^2 with KissFFT (BSD-3-Clause; FFTW, which measured faster, is GPL and stays in the benchmarks only):
/// each thread owns a configuration and buffers, made on its first transform and freed with this object. Use after
/// <see cref="Dispose"/> is an <see cref="ObjectDisposedException"/>; disposing twice is harmless.
/// </summary>
internal sealed unsafe class PowerSpectrum : IDisposable
{
    private readonly ThreadLocal<State> _state;

    public PowerSpectrum(int size)
    {
        if (size <= 0 || size % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "The FFT size must be even and positive.");
        }

        Size = size;
        Bins = (size / 2) + 1;
        _state = new ThreadLocal<State>(() => new State(size), trackAllValues: true);
    }

    public int Size { get; }

    public int Bins { get; }

    /// <summary>The calling thread's input buffer: fill it with the windowed frame, then call <see cref="Execute"/>.</summary>
    public Span<float> Input => new(Current.Input, Size);

    /// <summary>Transforms <see cref="Input"/> and writes <see cref="Bins"/> power values.</summary>
    public void Execute(Span<float> power)
    {
        var state = Current;
        KissFft.Real(state.Configuration, state.Input, state.Output);
        Power(state.Output, power[..Bins]);
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

    private State Current
    {
        get
        {
            try
            {
                return _state.Value!;
            }
            catch (ObjectDisposedException)
            {
                throw new ObjectDisposedException(GetType().Name);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            foreach (var state in _state.Values)
            {
                state.Dispose();
            }

            _state.Dispose();
        }
        catch (ObjectDisposedException)
        {
            // Disposed before: nothing left to free.
        }
    }

    /// <summary>One thread's KissFFT configuration and 32-byte-aligned buffers, in memory this class allocates and frees.</summary>
    private sealed class State : IDisposable
    {
        public State(int size)
        {
            nuint length = 0;
            KissFft.RealAlloc(size, 0, null, &length);
            Configuration = NativeMemory.AlignedAlloc(length, 32);
            if (KissFft.RealAlloc(size, 0, Configuration, &length) == null)
            {
                NativeMemory.AlignedFree(Configuration);
                throw new InvalidOperationException($"KissFFT could not configure a real FFT of size {size}.");
            }

            Input = (float*)NativeMemory.AlignedAlloc((nuint)(size * sizeof(float)), 32);
            Output = (float*)NativeMemory.AlignedAlloc((nuint)((size + 2) * sizeof(float)), 32);
        }

        ~State() => Free();

        public void* Configuration { get; private set; }

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
            if (Configuration != null)
            {
                NativeMemory.AlignedFree(Configuration);
                NativeMemory.AlignedFree(Input);
                NativeMemory.AlignedFree(Output);
                Configuration = null;
                Input = Output = null;
            }
        }
    }
}
