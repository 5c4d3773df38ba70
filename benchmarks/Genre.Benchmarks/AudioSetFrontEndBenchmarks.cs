using BenchmarkDotNet.Attributes;
using Genre.Audio;
using Genre.Data.Numpy;
using Genre.Kinds.AudioSet;

namespace Genre.Benchmarks;

/// <summary>
/// The AudioSet network's input on one thread: one 10 s window, and the three windows of a 30 s GTZAN clip. Decoding
/// is left out (ExtractionBenchmarks times it). [GlobalSetup] first checks window 0 against the PyTorch golden input.
/// </summary>
[MemoryDiagnoser]
public class AudioSetFrontEndBenchmarks
{
    private readonly AudioSetFrontEnd _frontEnd = AudioSetFrontEnd.Shared;
    private readonly float[] _input = new float[AudioSetFrontEnd.InputLength];
    private readonly float[] _padding = new float[AudioSetWindows.WindowSamples];
    private float[] _samples = null!;

    [GlobalSetup]
    public void Setup()
    {
        var shared = SharedData.Locate();
        var clip = Path.Combine(shared, "data", "gtzan-sample", "genres_original", "blues", "blues.00000.wav");
        _samples = AudioLoader.Load(clip, new AudioLoadOptions { SampleRate = AudioSetFrontEnd.SampleRate }).Samples;
        using var golden = File.OpenRead(Path.Combine(shared, "reference", "efficientat", "blues.00000.window0.mel.npy"));
        var expected = NpyFormat.Read(golden).ToFloat32();
        Window();
        for (var i = 0; i < expected.Length; i++)
        {
            if (Math.Abs(_input[i] - expected[i]) > 1e-3)
            {
                throw new InvalidOperationException($"AudioSet input differs from PyTorch at {i}: {_input[i]} vs {expected[i]}");
            }
        }
    }

    [Benchmark(Baseline = true, Description = "one 10 s window")]
    public float Window()
    {
        _frontEnd.Compute(_samples.AsSpan(0, AudioSetFrontEnd.WindowSamples), _input);
        return _input[0];
    }

    [Benchmark(Description = "three windows of a 30 s clip")]
    public float Clip()
    {
        var sum = 0f;
        for (var i = 0; i < AudioSetWindows.Count(_samples.Length); i++)
        {
            _frontEnd.Compute(AudioSetWindows.Window(_samples, i, _padding), _input);
            sum += _input[0];
        }

        return sum;
    }
}
