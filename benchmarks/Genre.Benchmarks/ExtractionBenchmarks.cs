using System.Buffers;
using BenchmarkDotNet.Attributes;
using Genre.Audio;
using Genre.Data;
using Genre.Data.Numpy;
using Genre.Features;

namespace Genre.Benchmarks;

/// <summary>
/// One 30 s GTZAN clip to its 10 x 130 x 13 training features, decode included, on one core — the figure librosa
/// needs 153 ms for on this machine. [GlobalSetup] first checks the output against librosa's golden segments.
/// </summary>
[MemoryDiagnoser]
public class ExtractionBenchmarks
{
    private readonly MfccExtractor _mfcc = MfccExtractor.Shared;
    private readonly AudioLoadOptions _options = DatasetExtractor.LoadOptions(MfccSettings.Gtzan);
    private readonly ArrayPool<float> _pool = DatasetExtractor.DecodePool(MfccSettings.Gtzan, workers: 1);
    private string _clip = null!;
    private float[] _samples = null!;

    [GlobalSetup]
    public void Setup()
    {
        var shared = SharedData.Locate();
        _clip = Path.Combine(shared, "data", "gtzan-sample", "genres_original", "blues", "blues.00000.wav");
        _samples = AudioLoader.Load(_clip, _options).Samples;
        using var golden = File.OpenRead(Path.Combine(shared, "reference", "librosa", "segments", "blues.00000.npy"));
        var expected = NpyFormat.Read(golden).ToFloat32();
        var actual = _mfcc.ComputeSegments(_samples).Data;
        for (var i = 0; i < expected.Length; i++)
        {
            if (Math.Abs(actual[i] - expected[i]) > 1e-3 + (1e-4 * Math.Abs(expected[i])))
            {
                throw new InvalidOperationException($"Optimised MFCC differs from librosa at {i}: {actual[i]} vs {expected[i]}");
            }
        }
    }

    [Benchmark(Description = "decode 30 s wav, new array")]
    public int Decode() => AudioLoader.Load(_clip, _options).Samples.Length;

    [Benchmark(Description = "decode 30 s wav, pooled array")]
    public int DecodePooled()
    {
        var decoded = AudioLoader.LoadPooled(_clip, _options, _pool, CancellationToken.None);
        _pool.Return(decoded.Buffer);
        return decoded.Length;
    }

    [Benchmark(Description = "MFCC of 10 segments")]
    public int Segments() => _mfcc.ComputeSegments(_samples).Count;

    [Benchmark(Description = "decode (new array) + 10-segment MFCC")]
    public int ClipNewArray() => _mfcc.ComputeSegments(AudioLoader.Load(_clip, _options).Samples).Count;

    [Benchmark(Baseline = true, Description = "one clip as genre extract does it (pooled decode, MFCC, silence flags)")]
    public int Clip() => DatasetExtractor.ExtractClip(_clip, _mfcc, _options, _pool, CancellationToken.None).Segments.Count;
}
