using Genre.Core.Tests.TestSupport;
using Genre.Model;
using Shouldly;

namespace Genre.Core.Tests.Model;

/// <summary>The TorchSharp-free description of the CNN against PyTorch's file and the TorchSharp module.</summary>
[Collection(TorchCollection.Name)]
public sealed class CnnLayoutTests
{
    [Fact]
    public void Pooled_sizes_are_pytorchs() =>
        CnnLayout.BlockOutputSizes().ShouldBe([(65, 7), (33, 4), (16, 1)]);

    [Fact]
    public void The_flattened_features_feed_the_first_linear_layer()
    {
        var (height, width) = CnnLayout.BlockOutputSizes()[^1];
        (CnnLayout.Channels * height * width).ShouldBe(CnnLayout.HiddenWidths[0]);
        CnnLayout.HiddenWidths[0].ShouldBe(512);
    }

    [Fact]
    public void The_state_dict_matches_the_reference_file_and_the_torchsharp_module()
    {
        using var file = File.OpenRead(ReferenceModel.Weights);
        var reference = SafeTensorsFile.Read(file);
        using var module = new GenreCnn(10);
        var ours = ModelWeights.Export(module);
        var layout = CnnLayout.StateDict(10);
        layout.Keys.Order(StringComparer.Ordinal).ShouldBe(reference.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, (dtype, shape)) in layout)
        {
            var expectedShape = shape.Length == 0 ? [1L] : shape;
            reference[name].Shape.ShouldBe(expectedShape, name);
            ours[name].Shape.ShouldBe(expectedShape, name);
            reference[name].DType.ShouldBe(dtype, name);
        }
    }
}
