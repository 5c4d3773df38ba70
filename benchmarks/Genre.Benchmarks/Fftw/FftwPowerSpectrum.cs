namespace Genre.Benchmarks.Fftw;

/// <summary>
/// |rfft(frame)|^2 with FFTW (libfftw3f): one plan shared by all threads, each thread executing it on its own aligned
/// buffers. The product used it until its GPL licence ruled it out; it stays here as the speed to compare the product's managed BlockPowerSpectrum with.
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

    /// <summary>re^2 + im^2 of interleaved complex values.</summary>
    private static void Power(float* complex, Span<float> power)
    {
        for (var k = 0; k < power.Length; k++)
        {
            var re = complex[2 * k];
            var im = complex[(2 * k) + 1];
            power[k] = (re * re) + (im * im);
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
