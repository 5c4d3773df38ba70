using Genre.Core.Tests.TestSupport;
using Genre.Model;
using Shouldly;
using static TorchSharp.torch;

namespace Genre.Core.Tests.Model;

/// <summary>
/// <see cref="GenreCnn"/> runs its convolutions channels-last and pools before each ReLU, for speed. These tests hold
/// it to the textbook network written out with functional calls in the original order on C-order weights: the same
/// logits, loss, every parameter's gradient and batch-norm statistics, in training mode with dropout.
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
    public void A_training_step_matches_the_plain_network()
    {
        manual_seed(7);
        using var model = new GenreCnn(10);
        model.train();
        var plain = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().contiguous().clone().requires_grad_(true));
        var buffers = model.named_buffers().ToDictionary(b => b.name, b => b.buffer.detach().clone());
        using var input = tensor(ReferenceModel.RandomSegments(Batch, seed: 11), [Batch, 1, CnnLayout.Frames, CnnLayout.Coefficients]);
        using var labels = tensor(Enumerable.Range(0, Batch).Select(i => (long)(i % 10)).ToArray());

        manual_seed(21);
        using var logits = model.call(input);
        using var loss = nn.functional.cross_entropy(logits, labels);
        loss.backward();

        manual_seed(21);
        using var expectedLogits = PlainForward(input, plain, buffers);
        using var expectedLoss = nn.functional.cross_entropy(expectedLogits, labels);
        expectedLoss.backward();

        Golden.AssertClose(logits.detach().data<float>().ToArray(), expectedLogits.detach().data<float>().ToArray(), Tolerance, "logits");
        loss.item<float>().ShouldBe(expectedLoss.item<float>(), Tolerance);
        // Relative to each gradient's norm: where two pooled values tie to float precision, the layouts' roundings may
        // pick different maxima (both valid), which moves a few terms of a gradient, never its bulk.
        foreach (var (name, parameter) in model.named_parameters())
        {
            var expected = plain[name].grad!;
            var error = ((parameter.grad! - expected).norm() / expected.norm()).item<float>();
            error.ShouldBeLessThan(1e-3f, $"gradient of {name}");
        }

        // The functional batch_norm updates running statistics but, unlike the module, does not count batches.
        foreach (var (name, buffer) in model.named_buffers().Where(b => !b.name.EndsWith("num_batches_tracked", StringComparison.Ordinal)))
        {
            buffer.allclose(buffers[name], rtol: 1e-5, atol: 1e-6).ShouldBeTrue($"batch-norm buffer {name}");
        }
    }

    /// <summary>Conv -> ReLU -> MaxPool -> BatchNorm (training statistics) x3, then Linear/ReLU/Dropout: the reference README's order.</summary>
    private static Tensor PlainForward(Tensor input, Dictionary<string, Tensor> p, Dictionary<string, Tensor> buffers)
    {
        var x = input;
        for (var i = 0; i < CnnLayout.Blocks.Count; i++)
        {
            var b = CnnLayout.Blocks[i];
            var name = $"block{i + 1}";
            x = nn.functional.conv2d(x, p[$"{name}.0.weight"], p[$"{name}.0.bias"], padding: [b.ConvPadding, b.ConvPadding]);
            x = nn.functional.relu(x);
            x = nn.functional.max_pool2d(x, [b.PoolKernel, b.PoolKernel], [b.PoolStride, b.PoolStride], [b.PoolPadding, b.PoolPadding]);
            x = nn.functional.batch_norm(x, buffers[$"{name}.3.running_mean"], buffers[$"{name}.3.running_var"],
                p[$"{name}.3.weight"], p[$"{name}.3.bias"], training: true, momentum: 0.1, eps: CnnLayout.BatchNormEpsilon);
        }

        x = x.flatten(1);
        x = nn.functional.dropout(nn.functional.relu(nn.functional.linear(x, p["fc.0.weight"], p["fc.0.bias"])), 0.5, training: true);
        x = nn.functional.dropout(nn.functional.relu(nn.functional.linear(x, p["fc.3.weight"], p["fc.3.bias"])), 0.5, training: true);
        return nn.functional.linear(x, p["fc.6.weight"], p["fc.6.bias"]);
    }
}
