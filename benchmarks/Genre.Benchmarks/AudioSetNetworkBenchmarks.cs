using BenchmarkDotNet.Attributes;
using Genre.Data.Numpy;
using Genre.Kinds.AudioSet;
using Genre.Model;
using static TorchSharp.torch;

namespace Genre.Benchmarks;

/// <summary>
/// The pretrained AudioSet network (EfficientAT mn04) on the three 10 s windows of one 30 s file, one thread: ONNX
/// Runtime as one batch and as three calls (the inference path), against the TorchSharp module. The reference PyTorch
/// takes 118 ms for the three windows on one thread here. [GlobalSetup] first checks ORT's logits of window 0 against
/// PyTorch's (1e-3) and TorchSharp's against ORT's (1e-4).
/// </summary>
[MemoryDiagnoser]
public class AudioSetNetworkBenchmarks
{
    private const int Windows = 3;

    private EfficientAtOnnxNetwork _onnx = null!;
    private EfficientAtNetwork _torch = null!;
    private float[] _input = null!;
    private Tensor _torchInput = null!;

    [GlobalSetup]
    public void Setup()
    {
        var shared = SharedData.Locate();
        var weightsPath = Path.Combine(shared, "pretrained", "efficientat-mn04-as", "weights.safetensors");
        Dictionary<string, SafeTensor> weights;
        using (var file = File.OpenRead(weightsPath))
        {
            weights = SafeTensorsFile.Read(file);
        }

        _onnx = EfficientAtOnnxNetwork.Create(weights, weightsPath);
        set_num_threads(1);
        _torch = new EfficientAtNetwork();
        _torch.Import(weights, weightsPath);
        _torch.eval();

        // Window 0 of blues.00000 three times: the golden input, so the first row can be checked against PyTorch.
        var reference = Path.Combine(shared, "reference", "efficientat");
        var mel = Read(Path.Combine(reference, "blues.00000.window0.mel.npy"));
        _input = [.. Enumerable.Repeat(mel, Windows).SelectMany(w => w)];
        _torchInput = tensor(_input, [Windows, 1, EfficientAtLayout.MelBands, EfficientAtLayout.Frames]);

        var expected = Read(Path.Combine(reference, "blues.00000.logits.npy"));
        var onnx = OnnxBatch();
        Check(onnx.AsSpan(0, _onnx.Classes), expected.AsSpan(0, _onnx.Classes), 1e-3, "ORT and PyTorch");
        Check(Torch(), onnx, 1e-4, "TorchSharp and ORT");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _onnx.Dispose();
        _torch.Dispose();
        _torchInput.Dispose();
    }

    [Benchmark(Baseline = true, Description = "ONNX Runtime, 3 windows in one batch")]
    public float[] OnnxBatch() => _onnx.Run(_input, Windows).Logits;

    [Benchmark(Description = "ONNX Runtime, 3 windows one by one")]
    public float[] OnnxSingle()
    {
        var logits = Array.Empty<float>();
        for (var w = 0; w < Windows; w++)
        {
            logits = _onnx.Run(_input.AsSpan(w * EfficientAtOnnxNetwork.WindowSize, EfficientAtOnnxNetwork.WindowSize), 1).Logits;
        }

        return logits;
    }

    [Benchmark(Description = "TorchSharp eval, 3 windows")]
    public float[] Torch()
    {
        using var _ = no_grad();
        var (logits, embedding) = _torch.call(_torchInput);
        using (logits)
        using (embedding)
        {
            return logits.data<float>().ToArray();
        }
    }

    private static float[] Read(string path)
    {
        using var file = File.OpenRead(path);
        return NpyFormat.Read(file).ToFloat32();
    }

    private static void Check(ReadOnlySpan<float> actual, ReadOnlySpan<float> expected, double tolerance, string what)
    {
        for (var i = 0; i < expected.Length; i++)
        {
            if (Math.Abs(actual[i] - expected[i]) > tolerance)
            {
                throw new InvalidOperationException($"{what} logits differ at {i}: {actual[i]} vs {expected[i]}");
            }
        }
    }
}
