using System.Text.Json;
using Genre.Core.Tests.TestSupport;
using Genre.Model;
using Shouldly;
using static TorchSharp.torch;

namespace Genre.Core.Tests.Model;

/// <summary>The CNN against PyTorch's outputs for the seeded reference weights (../shared/reference/pytorch-seed-cnn).</summary>
[Collection(TorchCollection.Name)]
public sealed class CnnParityTests
{
    private const float Tolerance = 1e-4f;

    private static string Ref(string file) => Path.Combine(TestPaths.PytorchSeedCnn, file);

    private static GenreCnn ReferenceModel()
    {
        var model = new GenreCnn(10);
        using var file = File.OpenRead(Ref("weights.safetensors"));
        ModelWeights.Import(model, SafeTensorsFile.Read(file), Ref("weights.safetensors"));
        model.eval();
        return model;
    }

    private static Tensor Input()
    {
        var input = Golden.Load(Ref("input.npy"));
        input.Shape.ShouldBe([8, 1, 130, 13]);
        return tensor(input.ToFloat32(), [8, 1, 130, 13]);
    }

    private static Tensor Labels() => tensor(Golden.Load(Ref("labels.npy")).ToInt64());

    [Fact]
    public void Eval_logits_match_pytorch()
    {
        using var model = ReferenceModel();
        using var input = Input();
        using var _ = no_grad();
        using var logits = model.call(input);
        logits.shape.ShouldBe([8L, 10L]);
        Golden.AssertClose(logits.data<float>().ToArray(), Golden.Load(Ref("logits_eval.npy")).ToFloat32(), Tolerance, "logits");
    }

    [Fact]
    public void Cross_entropy_matches_pytorch()
    {
        using var model = ReferenceModel();
        using var input = Input();
        using var labels = Labels();
        using var _ = no_grad();
        using var logits = model.call(input);
        using var loss = nn.functional.cross_entropy(logits, labels);
        var expected = JsonDocument.Parse(File.ReadAllText(Ref("loss.json"))).RootElement.GetProperty("loss_eval").GetDouble();
        loss.item<float>().ShouldBe((float)expected, Tolerance);
    }

    // loss.json holds only the eval-mode loss, and train mode's dropout draws could not be reproduced across
    // libraries anyway: the reference gradients are those of the eval-mode loss.
    [Theory]
    [InlineData("block1.0.weight")]
    [InlineData("fc.6.weight")]
    public void Gradients_of_the_eval_loss_match_pytorch(string parameter)
    {
        using var model = ReferenceModel();
        using var input = Input();
        using var labels = Labels();
        using var logits = model.call(input);
        using var loss = nn.functional.cross_entropy(logits, labels);
        loss.backward();
        var grad = model.named_parameters().Single(p => p.name == parameter).parameter.grad!;
        var actual = grad.data<float>().ToArray();
        var expectedArray = Golden.Load(Ref($"grad_{parameter}.npy"));
        grad.shape.ShouldBe(expectedArray.Shape.Select(d => (long)d).ToArray());
        var expected = expectedArray.ToFloat32();
        // Relative to the gradient's scale: single elements near zero make an element-wise ratio meaningless.
        var scale = expected.Max(MathF.Abs);
        var (max, at) = Golden.MaxAbsDiff(actual, expected);
        (max / scale).ShouldBeLessThanOrEqualTo(Tolerance, $"{parameter}: max |diff| {max} at {at} (ours {actual[at]}, ref {expected[at]}), scale {scale}");
    }

    [Fact]
    public void State_dict_names_and_shapes_are_pytorchs()
    {
        using var model = new GenreCnn(10);
        using var file = File.OpenRead(Ref("weights.safetensors"));
        var reference = SafeTensorsFile.Read(file);
        var ours = ModelWeights.Export(model);
        ours.Keys.Order(StringComparer.Ordinal).ShouldBe(reference.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, tensor) in reference)
        {
            ours[name].Shape.ShouldBe(tensor.Shape, name);
            ours[name].DType.ShouldBe(tensor.DType, name);
        }
    }
}
