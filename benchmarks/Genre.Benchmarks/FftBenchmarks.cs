using BenchmarkDotNet.Attributes;
using Genre.Benchmarks.Fftw;
using Genre.Features;
using MathNet.Numerics.IntegralTransforms;

namespace Genre.Benchmarks;

/// <summary>
/// The FFT choice: power spectra of one 3 s segment (130 windowed frames of 2,048) with each FFT library on hand.
/// The product uses BlockPowerSpectrum (managed, eight frames per call, MIT like the project); FFTW (libfftw3f, GPL:
/// benchmarks only, needs Debian's libfftw3-single3) is the baseline it is measured against. [GlobalSetup] checks all
/// of them agree before timing anything.
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
    private readonly BlockPowerSpectrum _block = new(N);
    private readonly float[] _blockFrames = new float[N * BlockPowerSpectrum.Lanes];
    private readonly float[] _blockPower = new float[Bins * BlockPowerSpectrum.Lanes];

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
        PowerBlock(0);
        for (var k = 0; k < Bins; k++)
        {
            var scale = Math.Max(1, fftw[k]);
            var block = _blockPower[k * BlockPowerSpectrum.Lanes];
            if (Math.Abs(fftw[k] - fftSharp[k]) / scale > 1e-3 || Math.Abs(fftw[k] - mathNet[k]) / scale > 1e-3 || Math.Abs(fftw[k] - block) / scale > 1e-3)
            {
                throw new InvalidOperationException($"FFT libraries disagree at bin {k}: {fftw[k]} / {fftSharp[k]} / {mathNet[k]} / {block}");
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

    [Benchmark(Description = "BlockPowerSpectrum (managed, 8 frames a call): the product's")]
    public float Block()
    {
        var sum = 0f;
        for (var f = 0; f < Frames; f += BlockPowerSpectrum.Lanes)
        {
            PowerBlock(f);
            sum += _blockPower[BlockPowerSpectrum.Lanes];
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

    /// <summary>Frames [first, first + 8) (the last block of 130 repeats frames to fill its lanes) into _blockPower.</summary>
    private void PowerBlock(int first)
    {
        for (var b = 0; b < BlockPowerSpectrum.Lanes; b++)
        {
            _frames[Math.Min(first + b, Frames - 1)].CopyTo(_blockFrames, b * N);
        }

        _block.Execute(_blockFrames, _blockPower);
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
