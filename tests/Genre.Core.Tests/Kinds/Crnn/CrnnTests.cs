using Genre.Core.Tests.TestSupport;
using Genre.Features;
using Genre.Inference;
using Genre.Kinds;
using Genre.Kinds.Crnn;
using Genre.Model;
using Genre.Training;
using Shouldly;
using static TorchSharp.torch;

namespace Genre.Core.Tests.Kinds.Crnn;

/// <summary>The CRNN: its TorchSharp module against its hand-built ONNX graph, its state dict, and reproducible training.</summary>
[Collection(TorchCollection.Name)]
public sealed class CrnnTests
{
    private const float Tolerance = 1e-4f;

    private static readonly string[] Genres = [.. Enumerable.Range(0, 10).Select(i => $"g{i}")];

    private static ModelCard Card() => new()
    {
        Kind = ModelKinds.Crnn,
        Architecture = CrnnLayout.Architecture,
        Genres = Genres,
        Features = FeatureParameters.From(MfccSettings.Gtzan),
    };

    /// <summary>A CRNN with seeded random weights and batch-norm statistics that are not the initial 0 and 1.</summary>
    private static CrnnNetwork Network(int seed)
    {
        manual_seed(seed);
        var network = new CrnnNetwork(Genres.Length);
        network.train();
        using (no_grad())
        {
            for (var i = 0; i < 3; i++)
            {
                using var x = tensor(ReferenceModel.RandomSegments(16, seed + i), [16, 1, CrnnLayout.Frames, CrnnLayout.Coefficients]);
                using var _ = network.call(x);
            }
        }

        network.eval();
        return network;
    }

    private static float[] TorchSharpLogits(CrnnNetwork network, float[] segments, int count)
    {
        using var _ = no_grad();
        using var input = tensor(segments, [count, 1, CrnnLayout.Frames, CrnnLayout.Coefficients]);
        using var logits = network.call(input);
        return logits.data<float>().ToArray();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(OnnxGenreNetwork.MaxBatch + 5)]
    public void Onnx_runtime_logits_match_the_torchsharp_module(int count)
    {
        using var network = Network(seed: 11);
        var weights = ModelWeights.Export(network);
        CrnnLayout.CheckWeights(weights, Genres.Length, null);
        using var onnx = OnnxGenreNetwork.FromGraph(Card(), CrnnOnnxGraph.Build(weights, Genres.Length));
        var segments = ReferenceModel.RandomSegments(count, seed: count);
        var expected = TorchSharpLogits(network, segments, count);
        expected.Select(Math.Abs).Max().ShouldBeGreaterThan(0.1f, "the logits are not all near zero, so the comparison means something");
        Golden.AssertClose(onnx.Logits(segments, count), expected, Tolerance, $"batch {count}");
    }

    [Fact]
    public void Onnx_gate_order_is_z_r_h()
    {
        const int h = CrnnLayout.Hidden;
        var values = Enumerable.Range(0, 3 * h).Select(i => (float)(i / h)).ToArray();
        var bytes = new byte[values.Length * 4];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        // PyTorch's rows: r (0), z (1), n (2); ONNX's: z, r, h.
        var reordered = CrnnOnnxGraph.Gates(new SafeTensor(SafeTensorDType.F32, [3 * h], bytes), 1);
        reordered[0].ShouldBe(1f);
        reordered[h].ShouldBe(0f);
        reordered[2 * h].ShouldBe(2f);
    }

    [Fact]
    public void The_layout_names_every_tensor_of_the_module_with_its_shape()
    {
        using var network = new CrnnNetwork(Genres.Length);
        var exported = ModelWeights.Export(network);
        var layout = CrnnLayout.StateDict(Genres.Length);
        exported.Keys.Order(StringComparer.Ordinal).ShouldBe(layout.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, (_, shape)) in layout)
        {
            (shape.Length == 0 ? [1L] : shape).ShouldBe(exported[name].Shape, name);
        }
    }

    [Fact]
    public void A_saved_crnn_loads_through_its_kind_and_predicts_like_the_module()
    {
        using var temp = new TempDirectory();
        using var network = Network(seed: 5);
        var folder = temp.File("crnn");
        GenreModelBundle.Save(folder, Card(), network);
        using var classifier = GenreClassifier.Load(folder);
        classifier.Kind.ShouldBe(ModelKinds.Crnn);
        var (card, tensors) = ModelFolder.Read(folder, ModelKinds.Crnn);
        card.Architecture.ShouldBe(CrnnLayout.Architecture);
        using var onnx = OnnxGenreNetwork.FromGraph(card, CrnnOnnxGraph.Build(tensors, Genres.Length));
        var segments = ReferenceModel.RandomSegments(3, seed: 1);
        Golden.AssertClose(onnx.Logits(segments, 3), TorchSharpLogits(network, segments, 3), Tolerance, "from the folder");
    }

    [Fact]
    public void Weights_of_another_architecture_are_refused_naming_the_tensor()
    {
        using var network = new CrnnNetwork(Genres.Length);
        var weights = ModelWeights.Export(network);
        weights.Remove("gru.weight_hh_l0");
        Should.Throw<ModelFileException>(() => CrnnLayout.CheckWeights(weights, Genres.Length, "w.safetensors")).Message.ShouldContain("gru.weight_hh_l0");
    }

    [Fact]
    public void Same_seed_and_threads_give_byte_identical_model_files_and_another_seed_does_not()
    {
        using var temp = new TempDirectory();
        byte[] Train(string name, int seed)
        {
            var options = new TrainingOptions { Kind = ModelKinds.Crnn, Epochs = 1, Threads = 1, Seed = seed };
            var model = TrainingJob.Run(new TrainingRequest(SampleFeatures.Path, temp.File(name), SplitKind.Track, options))[0];
            model.Card.Kind.ShouldBe(ModelKinds.Crnn);
            return File.ReadAllBytes(Path.Combine(model.Directory, ModelFolder.WeightsFileName));
        }

        var first = Train("a", 3);
        Train("b", 3).ShouldBe(first);
        Train("c", 4).ShouldNotBe(first);
    }
}
