using Genre.Core.Tests.TestSupport;
using Genre.Inference;
using Genre.Model;
using Microsoft.ML.OnnxRuntime;
using Shouldly;
using static TorchSharp.torch;

namespace Genre.Core.Tests.Inference;

/// <summary>The ONNX Runtime network against PyTorch's reference logits and against the TorchSharp <see cref="GenreCnn"/>.</summary>
[Collection(TorchCollection.Name)]
public sealed class OnnxGenreNetworkTests : IDisposable
{
    private const float Tolerance = 1e-4f;

    private readonly TempDirectory _temp = new();
    private readonly OnnxGenreNetwork _network;

    public OnnxGenreNetworkTests() => _network = OnnxGenreNetwork.Load(ReferenceModel.WriteFolder(_temp.File("model")));

    public void Dispose()
    {
        _network.Dispose();
        _temp.Dispose();
    }

    private static float[] TorchSharpLogits(float[] segments, int count)
    {
        using var model = new GenreCnn(10);
        using (var file = File.OpenRead(ReferenceModel.Weights))
        {
            ModelWeights.Import(model, SafeTensorsFile.Read(file), ReferenceModel.Weights);
        }

        model.eval();
        using var _ = no_grad();
        using var input = tensor(segments, [count, 1, CnnLayout.Frames, CnnLayout.Coefficients]);
        using var logits = model.call(input);
        return logits.data<float>().ToArray();
    }

    [Fact]
    public void Eval_logits_match_pytorch()
    {
        var input = Golden.Load(Path.Combine(TestPaths.PytorchSeedCnn, "input.npy"));
        input.Shape.ShouldBe([8, 1, 130, 13]);
        var logits = _network.Logits(input.ToFloat32(), 8);
        Golden.AssertClose(logits, Golden.Load(Path.Combine(TestPaths.PytorchSeedCnn, "logits_eval.npy")).ToFloat32(), Tolerance, "logits");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(37)]
    [InlineData(OnnxGenreNetwork.MaxBatch * 2 + 3)]
    public void Agrees_with_the_torchsharp_network_for_any_batch_size(int count)
    {
        var segments = ReferenceModel.RandomSegments(count, seed: count);
        var logits = _network.Logits(segments, count);
        logits.Length.ShouldBe(count * 10);
        Golden.AssertClose(logits, TorchSharpLogits(segments, count), Tolerance, $"batch {count}");
    }

    [Fact]
    public void Card_and_classes_come_from_the_folder()
    {
        _network.Classes.ShouldBe(10);
        _network.Card.Genres.ShouldBe(ReferenceModel.Genres);
    }

    [Fact]
    public void Concurrent_calls_give_the_same_results_as_sequential_ones()
    {
        const int threads = 8;
        var inputs = Enumerable.Range(0, threads).Select(t => ReferenceModel.RandomSegments(10, seed: 100 + t)).ToArray();
        var expected = inputs.Select(i => _network.Logits(i, 10)).ToArray();
        var actual = new float[threads][][];
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            actual[t] = Enumerable.Range(0, 50).Select(_ => _network.Logits(inputs[t], 10)).ToArray();
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        for (var t = 0; t < threads; t++)
        {
            foreach (var run in actual[t])
            {
                run.ShouldBe(expected[t], $"thread {t}");
            }
        }
    }

    [Fact]
    public void The_wrong_number_of_floats_is_refused() =>
        Should.Throw<ArgumentException>(() => _network.Logits(new float[(130 * 13) + 1], 1)).Message.ShouldContain("1 segments need 1690 floats, got 1691");

    [Fact]
    public void No_segments_give_no_logits() => _network.Logits([], 0).ShouldBeEmpty();

    [Fact]
    public void The_exported_onnx_file_gives_the_same_logits_in_a_new_session()
    {
        var path = _temp.File("out/model.onnx");
        _network.ExportOnnx(path);
        Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName).ShouldBe(["model.onnx"]);
        using var session = new InferenceSession(path);
        session.InputMetadata.Keys.ShouldBe(["mfcc"]);
        session.InputMetadata["mfcc"].Dimensions.ShouldBe([-1, 1, 130, 13]);
        session.OutputMetadata.Keys.ShouldBe(["logits"]);
        session.OutputMetadata["logits"].Dimensions.ShouldBe([-1, 10]);

        var segments = ReferenceModel.RandomSegments(5, seed: 7);
        using var input = OrtValue.CreateTensorValueFromMemory(segments, [5, 1, 130, 13]);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, ["mfcc"], [input], ["logits"]);
        Golden.AssertClose(outputs[0].GetTensorDataAsSpan<float>().ToArray(), _network.Logits(segments, 5), 1e-6f, "exported");
    }

    [Fact]
    public void Using_a_disposed_network_is_an_error()
    {
        var network = OnnxGenreNetwork.Load(_temp.File("model"));
        network.Dispose();
        network.Dispose();
        Should.Throw<ObjectDisposedException>(() => network.Logits(new float[130 * 13], 1));
    }
}
