using Genre.Core.Tests.TestSupport;
using Genre.Model;
using Shouldly;
using static TorchSharp.torch;

namespace Genre.Core.Tests.Model;

/// <summary>
/// <see cref="GenreCnn"/> runs its convolutions channels-last and pools before each ReLU, for speed. These tests hold
/// it to the network in the original layout (<see cref="OriginalLayoutCnn"/>, C-order weights, ReLU then pool): the
/// same logits, loss, every parameter's gradient and batch-norm statistics, in training mode with dropout.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class FastLayoutEquivalenceTests
{
    private const int Batch = 16;
    private const float Tolerance = 1e-5f;

    [Fact]
    public void The_convolution_weights_are_channels_last_but_export_in_c_order()
    {
        manual_seed(3);
        using var model = new GenreCnn(10);
        var weight = model.named_parameters().Single(p => p.name == "block2.0.weight").parameter;

        weight.stride().ShouldBe([32L * 3 * 3, 1, 3 * 32, 32]);
        using var plain = weight.detach().contiguous();
        var exported = ModelWeights.Export(model)["block2.0.weight"];
        exported.Data.ShouldBe(System.Runtime.InteropServices.MemoryMarshal.AsBytes<float>(plain.data<float>().ToArray()).ToArray());
    }

    [Fact]
    public void A_training_step_matches_the_original_layout()
    {
        manual_seed(7);
        using var model = new GenreCnn(10);
        using var original = OriginalLayoutCnn.CopyOf(model);
        model.train();
        original.train();
        using var input = tensor(ReferenceModel.RandomSegments(Batch, seed: 11), [Batch, 1, CnnLayout.Frames, CnnLayout.Coefficients]);
        using var labels = tensor(Enumerable.Range(0, Batch).Select(i => (long)(i % 10)).ToArray());

        manual_seed(21);
        using var logits = model.call(input);
        using var loss = nn.functional.cross_entropy(logits, labels);
        loss.backward();

        manual_seed(21);
        using var expectedLogits = original.call(input);
        using var expectedLoss = nn.functional.cross_entropy(expectedLogits, labels);
        expectedLoss.backward();

        Golden.AssertClose(logits.detach().data<float>().ToArray(), expectedLogits.detach().data<float>().ToArray(), Tolerance, "logits");
        loss.item<float>().ShouldBe(expectedLoss.item<float>(), Tolerance);
        var expectedGradients = original.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        foreach (var (name, parameter) in model.named_parameters())
        {
            OriginalLayoutCnn.RelativeError(parameter.grad!, expectedGradients[name]).ShouldBeLessThan(1e-3f, $"gradient of {name}");
        }

        var expectedBuffers = original.named_buffers().ToDictionary(b => b.name, b => b.buffer);
        foreach (var (name, buffer) in model.named_buffers())
        {
            buffer.allclose(expectedBuffers[name], rtol: 1e-5, atol: 1e-6).ShouldBeTrue($"batch-norm buffer {name}");
        }
    }
}
