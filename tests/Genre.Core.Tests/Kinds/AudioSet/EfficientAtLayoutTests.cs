using Genre.Core.Tests.TestSupport;
using Genre.Kinds.AudioSet;
using Genre.Model;
using Shouldly;

namespace Genre.Core.Tests.Kinds.AudioSet;

/// <summary>The TorchSharp-free description of EfficientAT mn04 against the published weights.</summary>
public sealed class EfficientAtLayoutTests
{
    [Fact]
    public void Channels_are_the_reference_make_divisible_ones()
    {
        EfficientAtLayout.Blocks.Count.ShouldBe(15);
        EfficientAtLayout.Blocks.Select(b => b.OutChannels).ShouldBe([8, 16, 16, 16, 16, 16, 32, 32, 32, 32, 48, 48, 64, 64, 64]);
        EfficientAtLayout.Blocks.Select(b => b.ExpandedChannels).ShouldBe([8, 24, 32, 32, 48, 48, 96, 80, 72, 72, 192, 272, 272, 384, 384]);
        EfficientAtLayout.FirstConv.OutChannels.ShouldBe(8);
        EfficientAtLayout.EmbeddingSize.ShouldBe(384);
        EfficientAtLayout.HiddenWidth.ShouldBe(512);
        EfficientAtLayout.MakeDivisible(184 * 0.4).ShouldBe(72);
        EfficientAtLayout.MakeDivisible(6.4).ShouldBe(8);
    }

    [Fact]
    public void Block_outputs_shrink_as_in_pytorch()
    {
        var shapes = EfficientAtLayout.FeatureOutputShapes();
        shapes.Count.ShouldBe(17);
        shapes[0].ShouldBe((8, 64, 500));
        shapes[2].ShouldBe((16, 32, 250));
        shapes[4].ShouldBe((16, 16, 125));
        shapes[7].ShouldBe((32, 8, 63));
        shapes[13].ShouldBe((64, 4, 32));
        shapes[16].ShouldBe((384, 4, 32));
    }

    [Fact]
    public void The_state_dict_is_exactly_the_published_weights()
    {
        var layout = EfficientAtLayout.StateDict(EfficientAtLayout.AudioSetClasses);
        layout.Keys.Order(StringComparer.Ordinal).ShouldBe(AudioSetReference.Weights.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, shape) in layout)
        {
            AudioSetReference.Weights[name].Shape.ShouldBe(shape, name);
        }

        layout.Values.Sum(s => s.Aggregate(1L, (a, b) => a * b)).ShouldBeGreaterThan(983_599 - 10_000);
        Should.NotThrow(() => EfficientAtLayout.CheckWeights(AudioSetReference.Weights, "w.safetensors"));
    }

    [Fact]
    public void Batch_counters_are_allowed_but_not_needed()
    {
        var tensors = new Dictionary<string, SafeTensor>(AudioSetReference.Weights)
        {
            ["features.4.block.1.1.num_batches_tracked"] = new(SafeTensorDType.I64, [1], new byte[8]),
        };
        Should.NotThrow(() => EfficientAtLayout.CheckWeights(tensors, null));
    }

    [Fact]
    public void A_missing_tensor_is_named()
    {
        var tensors = new Dictionary<string, SafeTensor>(AudioSetReference.Weights);
        tensors.Remove("features.12.block.2.conc_se_layers.0.fc2.bias");
        var e = Should.Throw<ModelFileException>(() => EfficientAtLayout.CheckWeights(tensors, "w.safetensors"));
        e.Message.ShouldContain("w.safetensors");
        e.Message.ShouldContain("missing 1 tensor(s)");
        e.Message.ShouldContain("features.12.block.2.conc_se_layers.0.fc2.bias");
    }

    [Fact]
    public void A_wrong_shape_is_named()
    {
        var tensors = new Dictionary<string, SafeTensor>(AudioSetReference.Weights)
        {
            ["features.7.block.1.0.weight"] = new(SafeTensorDType.F32, [96, 1, 5, 5], new byte[96 * 25 * 4]),
        };
        var e = Should.Throw<ModelFileException>(() => EfficientAtLayout.CheckWeights(tensors, null));
        e.Message.ShouldContain("'features.7.block.1.0.weight' is F32 [96, 1, 5, 5]");
        e.Message.ShouldContain("[96, 1, 3, 3]");
    }

    [Fact]
    public void An_unknown_tensor_is_named()
    {
        var tensors = new Dictionary<string, SafeTensor>(AudioSetReference.Weights)
        {
            ["classifier.6.weight"] = new(SafeTensorDType.F32, [1], new byte[4]),
        };
        Should.Throw<ModelFileException>(() => EfficientAtLayout.CheckWeights(tensors, null)).Message.ShouldContain("does not have: classifier.6.weight");
    }

    [Fact]
    public void Another_number_of_classes_needs_another_head()
    {
        Should.Throw<ModelFileException>(() => EfficientAtLayout.CheckWeights(AudioSetReference.Weights, null, classes: 10))
            .Message.ShouldContain("'classifier.5.weight' is F32 [527, 512]");
        EfficientAtLayout.StateDict(10)["classifier.5.bias"].ShouldBe([10L]);
    }
}
