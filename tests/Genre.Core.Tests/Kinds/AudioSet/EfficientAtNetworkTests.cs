using Genre.Core.Tests.TestSupport;
using Genre.Data.Numpy;
using Genre.Kinds.AudioSet;
using Genre.Model;
using Shouldly;
using static TorchSharp.torch;

namespace Genre.Core.Tests.Kinds.AudioSet;

/// <summary>The TorchSharp EfficientAT module against PyTorch's outputs (every block) and against the ONNX graph.</summary>
[Collection(TorchCollection.Name)]
public sealed class EfficientAtNetworkTests
{
    private static EfficientAtNetwork Pretrained()
    {
        var model = new EfficientAtNetwork();
        model.Import(AudioSetReference.Weights, TestPaths.EfficientAtWeights);
        model.eval();
        return model;
    }

    [Fact]
    public void Window_zero_matches_pytorch()
    {
        using var model = Pretrained();
        using var _ = no_grad();
        using var input = tensor(AudioSetReference.WindowZeroMel(), [1, 1, 128, 1000]);
        var (logits, embedding) = model.call(input);
        using (logits)
        using (embedding)
        {
            logits.shape.ShouldBe([1L, 527L]);
            embedding.shape.ShouldBe([1L, 384L]);
            var (logitsDiff, _) = Golden.MaxAbsDiff(logits.data<float>().ToArray(), AudioSetReference.WindowZeroLogits());
            var (embeddingDiff, _) = Golden.MaxAbsDiff(embedding.data<float>().ToArray(), AudioSetReference.WindowZeroEmbedding());
            TestContext.Current.TestOutputHelper?.WriteLine($"TorchSharp max |diff|: logits {logitsDiff}, embedding {embeddingDiff}");
            Golden.AssertClose(logits.data<float>().ToArray(), AudioSetReference.WindowZeroLogits(), Golden.AudioSetLogitsTolerance, "logits");
            Golden.AssertClose(embedding.data<float>().ToArray(), AudioSetReference.WindowZeroEmbedding(), Golden.AudioSetEmbeddingTolerance, "embedding");
        }
    }

    [Fact]
    public void Every_block_output_matches_pytorch()
    {
        Dictionary<string, NpyArray> blocks;
        using (var file = File.OpenRead(Path.Combine(TestPaths.EfficientAt, "blues.00000.window0.blocks.npz")))
        {
            blocks = NpzArchive.Read(file);
        }

        using var model = Pretrained();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var outputs = model.FeatureOutputs(tensor(AudioSetReference.WindowZeroMel(), [1, 1, 128, 1000]));
        outputs.Count.ShouldBe(17);
        var shapes = EfficientAtLayout.FeatureOutputShapes();
        for (var i = 0; i < outputs.Count; i++)
        {
            var expected = blocks[$"features.{i}"];
            var (c, f, t) = shapes[i];
            expected.Shape.ShouldBe([1, c, f, t], $"features.{i}");
            outputs[i].shape.ShouldBe([1L, c, f, t], $"features.{i}");
            var reference = expected.ToFloat32();
            var scale = reference.Max(MathF.Abs);
            var (max, at) = Golden.MaxAbsDiff(outputs[i].data<float>().ToArray(), reference);
            TestContext.Current.TestOutputHelper?.WriteLine($"features.{i}: max |diff| {max} (scale {scale})");
            (max / scale).ShouldBeLessThanOrEqualTo(Golden.AudioSetBlockRelativeTolerance, $"features.{i}: max |diff| {max} at {at}, scale {scale}");
        }
    }

    [Fact]
    public void Agrees_with_the_onnx_graph_on_random_windows()
    {
        const int count = 2;
        var windows = AudioSetReference.RandomWindows(count, seed: 11);
        using var onnx = EfficientAtOnnxNetwork.Create(AudioSetReference.Weights);
        var (onnxLogits, onnxEmbeddings) = onnx.Run(windows, count);

        using var model = Pretrained();
        using var _ = no_grad();
        using var input = tensor(windows, [count, 1, 128, 1000]);
        var (logits, embedding) = model.call(input);
        using (logits)
        using (embedding)
        {
            Golden.AssertClose(logits.data<float>().ToArray(), onnxLogits, 1e-4f, "logits");
            Golden.AssertClose(embedding.data<float>().ToArray(), onnxEmbeddings, 1e-4f, "embedding");
        }
    }

    [Fact]
    public void The_state_dict_has_pytorchs_names_and_shapes()
    {
        using var model = new EfficientAtNetwork();
        var state = model.state_dict();
        var expected = EfficientAtLayout.StateDict(EfficientAtLayout.AudioSetClasses);
        var counters = EfficientAtLayout.BatchCounters().ToList();
        state.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Concat(counters).Order(StringComparer.Ordinal));
        foreach (var (name, shape) in expected)
        {
            state[name].shape.ShouldBe(shape, name);
        }

        model.parameters().Sum(p => p.numel()).ShouldBe(expected.Values.Sum(s => s.Aggregate(1L, (a, b) => a * b))
            - EfficientAtLayout.Convolutions().Sum(c => 2L * c.OutChannels));
    }

    [Fact]
    public void Import_is_strict_about_names_and_shapes()
    {
        using var model = new EfficientAtNetwork();
        var tensors = new Dictionary<string, SafeTensor>(AudioSetReference.Weights);
        tensors.Remove("classifier.2.bias");
        Should.Throw<ModelFileException>(() => model.Import(tensors, null)).Message.ShouldContain("classifier.2.bias");
    }

    [Fact]
    public void Import_copies_every_weight()
    {
        using var model = Pretrained();
        var state = model.state_dict();
        foreach (var (name, source) in AudioSetReference.Weights)
        {
            state[name].data<float>().ToArray().ShouldBe(System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(source.Data).ToArray(), name);
        }

        state["features.1.block.0.1.num_batches_tracked"].item<long>().ShouldBe(0);
    }

    [Fact]
    public void Train_mode_uses_batch_statistics_and_dropout()
    {
        using var model = Pretrained();
        model.train();
        using var input = tensor(AudioSetReference.RandomWindows(2, seed: 1), [2, 1, 128, 1000]);
        var (logits, embedding) = model.call(input);
        using (logits)
        using (embedding)
        {
            using var loss = logits.sum();
            loss.backward();
        }

        model.named_parameters().Single(p => p.name == "features.0.0.weight").parameter.grad.ShouldNotBeNull();
        model.state_dict()["features.0.1.num_batches_tracked"].item<long>().ShouldBe(1);
    }
}
