using BenchmarkDotNet.Attributes;
using Genre.Features;
using MathNet.Numerics.IntegralTransforms;

namespace Genre.Benchmarks;

/// <summary>
/// The FFT choice: power spectra of one 3 s segment (130 windowed frames of 2,048) with each FFT library on hand.
/// The winner (FFTW) is what MfccExtractor uses. [GlobalSetup] checks all three agree before timing anything.
/// </summary>
[MemoryDiagnoser]
public class FftBenchmarks
{
    private const int N = 2048;
    private const int Frames = 130;
    private const int Bins = (N / 2) + 1;
    private readonly float[][] _frames = new float[Frames][];
    private readonly float[] _power = new float[Bins];
    private FftwPowerSpectrum _fftw = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (var f = 0; f < Frames; f++)
        {
            _frames[f] = new float[N];
            for (var i = 0; i < N; i++)
            {
                _frames[f][i] = (float)((random.NextDouble() * 2) - 1);
            }
        }

        _fftw = new FftwPowerSpectrum(N);
        var fftw = PowerFftw(0).ToArray();
        var fftSharp = PowerFftSharp(0);
        var mathNet = PowerMathNet(0);
        for (var k = 0; k < Bins; k++)
        {
            var scale = Math.Max(1, fftw[k]);
            if (Math.Abs(fftw[k] - fftSharp[k]) / scale > 1e-3 || Math.Abs(fftw[k] - mathNet[k]) / scale > 1e-3)
            {
                throw new InvalidOperationException($"FFT libraries disagree at bin {k}: {fftw[k]} / {fftSharp[k]} / {mathNet[k]}");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _fftw.Dispose();

    [Benchmark(Baseline = true, Description = "FFTW (libfftw3f, P/Invoke)")]
    public float Fftw()
    {
        var sum = 0f;
        for (var f = 0; f < Frames; f++)
        {
            sum += PowerFftw(f)[1];
        }

        return sum;
    }

    [Benchmark(Description = "FftSharp 2.2 (managed, double)")]
    public double FftSharp()
    {
        var sum = 0.0;
        for (var f = 0; f < Frames; f++)
        {
            sum += PowerFftSharp(f)[1];
        }

        return sum;
    }

    [Benchmark(Description = "MathNet.Numerics 5 (managed, float)")]
    public float MathNet()
    {
        var sum = 0f;
        for (var f = 0; f < Frames; f++)
        {
            sum += PowerMathNet(f)[1];
        }

        return sum;
    }

    private Span<float> PowerFftw(int frame)
    {
        _frames[frame].CopyTo(_fftw.Input);
        _fftw.Execute(_power);
        return _power;
    }

    private double[] PowerFftSharp(int frame)
    {
        var input = Array.ConvertAll(_frames[frame], v => (double)v);
        var spectrum = global::FftSharp.FFT.ForwardReal(input);
        var power = new double[spectrum.Length];
        for (var k = 0; k < spectrum.Length; k++)
        {
            power[k] = (spectrum[k].Real * spectrum[k].Real) + (spectrum[k].Imaginary * spectrum[k].Imaginary);
        }

        return power;
    }

    private float[] PowerMathNet(int frame)
    {
        var data = new float[N + 2];
        _frames[frame].CopyTo(data, 0);
        Fourier.ForwardReal(data, N, FourierOptions.NoScaling);
        var power = new float[Bins];
        for (var k = 0; k < Bins; k++)
        {
            power[k] = (data[2 * k] * data[2 * k]) + (data[(2 * k) + 1] * data[(2 * k) + 1]);
        }

        return power;
    }
}
