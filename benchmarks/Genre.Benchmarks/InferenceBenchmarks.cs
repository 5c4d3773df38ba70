using BenchmarkDotNet.Attributes;
using Genre.Features;
using Genre.Inference;
using Genre.Model;
using static TorchSharp.torch;

namespace Genre.Benchmarks;

/// <summary>
/// Logits for one 30 s file (10 segments) with the seeded reference weights: ONNX Runtime (the inference path)
/// against the TorchSharp module, both on one thread. [GlobalSetup] first checks that the two agree within 1e-4.
/// </summary>
[MemoryDiagnoser]
public class InferenceBenchmarks
{
    private const int Segments = 10;

    private string _folder = null!;
    private OnnxGenreNetwork _onnx = null!;
    private GenreCnn _torch = null!;
    private float[] _input = null!;
    private Tensor _torchInput = null!;

    [GlobalSetup]
    public void Setup()
    {
        var weights = Path.Combine(SharedData.Locate(), "reference", "pytorch-seed-cnn", ModelFolder.WeightsFileName);
        _folder = Directory.CreateTempSubdirectory("genre-bench-model-").FullName;
        File.Copy(weights, Path.Combine(_folder, ModelFolder.WeightsFileName));
        var card = new ModelCard { Genres = [.. Enumerable.Range(0, 10).Select(i => $"genre{i}")], Features = FeatureParameters.From(MfccSettings.Gtzan) };
        File.WriteAllText(Path.Combine(_folder, ModelFolder.CardFileName), card.ToJson());
        _onnx = OnnxGenreNetwork.Load(_folder);

        set_num_threads(1);
        _torch = new GenreCnn(10);
        using (var file = File.OpenRead(weights))
        {
            ModelWeights.Import(_torch, SafeTensorsFile.Read(file), weights);
        }

        _torch.eval();
        var random = new Random(1);
        _input = [.. Enumerable.Range(0, Segments * CnnLayout.Frames * CnnLayout.Coefficients).Select(_ => (float)(random.NextDouble() * 200) - 100)];
        _torchInput = tensor(_input, [Segments, 1, CnnLayout.Frames, CnnLayout.Coefficients]);

        var onnx = Onnx();
        var torch = Torch();
        for (var i = 0; i < onnx.Length; i++)
        {
            if (Math.Abs(onnx[i] - torch[i]) > 1e-4)
            {
                throw new InvalidOperationException($"ORT and TorchSharp logits differ at {i}: {onnx[i]} vs {torch[i]}");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _onnx.Dispose();
        _torch.Dispose();
        _torchInput.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "ONNX Runtime, 10 segments")]
    public float[] Onnx() => _onnx.Logits(_input, Segments);

    [Benchmark(Description = "TorchSharp eval, 10 segments")]
    public float[] Torch()
    {
        using var _ = no_grad();
        using var logits = _torch.call(_torchInput);
        return logits.data<float>().ToArray();
    }
}
