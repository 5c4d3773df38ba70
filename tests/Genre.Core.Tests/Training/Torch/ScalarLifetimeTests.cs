using Genre.Core.Tests.TestSupport;
using Genre.Training.Torch;
using Shouldly;
using static TorchSharp.torch;

namespace Genre.Core.Tests.Training.Torch;

/// <summary>
/// The training layers that replace TorchSharp's BatchNorm2d and Adam: the same names and arithmetic, and no scalar
/// freed under a native call (TorchSharp's own BatchNorm2d fails the collecting-thread test within about 20,000 steps
/// here: "For integral input tensors, argument alpha must not be a floating point number").
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class ScalarLifetimeTests
{
    [Fact]
    public void Batch_norm_training_steps_survive_a_thread_that_collects_all_the_time()
    {
        using var norm = new SafeBatchNorm2d(16);
        norm.train();
        using var x = randn(8, 16, 4, 4, generator: new Generator(1));
        const int steps = 100_000;
        using (var collector = new CollectingThread())
        {
            for (var i = 0; i < steps; i++)
            {
                using var scope = NewDisposeScope();
                norm.call(x);
            }

            collector.Collections.ShouldBeGreaterThan(0);
        }

        using var counter = norm.state_dict()["num_batches_tracked"];
        counter.item<long>().ShouldBe(steps);
    }

    [Fact]
    public void Adam_steps_beside_a_collecting_thread_give_the_weights_they_give_without_one()
    {
        var quiet = AdamWeights(collecting: false);
        var busy = AdamWeights(collecting: true);
        busy.ShouldBe(quiet);
    }

    [Fact]
    public void Batch_norm_has_torchs_names_outputs_and_running_statistics()
    {
        using var ours = new SafeBatchNorm2d(6, eps: 1e-3, momentum: 0.05);
        using var theirs = nn.BatchNorm2d(6, eps: 1e-3, momentum: 0.05);
        ours.state_dict().Keys.Order().ShouldBe(theirs.state_dict().Keys.Order());
        var generator = new Generator(3);
        for (var step = 0; step < 3; step++)
        {
            using var x = randn(4, 6, 5, 7, generator: generator);
            ours.train();
            theirs.train();
            using var a = ours.call(x);
            using var b = theirs.call(x);
            a.data<float>().ToArray().ShouldBe(b.data<float>().ToArray());
        }

        foreach (var (name, tensor) in theirs.state_dict())
        {
            var mine = ours.state_dict()[name];
            mine.dtype.ShouldBe(tensor.dtype, name);
            mine.to_type(ScalarType.Float64).data<double>().ToArray().ShouldBe(tensor.to_type(ScalarType.Float64).data<double>().ToArray(), name);
        }

        ours.eval();
        theirs.eval();
        using var y = randn(2, 6, 3, 3, generator: generator);
        ours.call(y).data<float>().ToArray().ShouldBe(theirs.call(y).data<float>().ToArray());
    }

    [Fact]
    public void Adam_takes_torchsharps_steps_bit_for_bit()
    {
        using var start = randn(5, 3, generator: new Generator(5));
        using var target = randn(5, 3, generator: new Generator(6));
        using var mine = new TorchSharp.Modules.Parameter(start.clone());
        using var reference = new TorchSharp.Modules.Parameter(start.clone());
        using var ours = new SafeAdam([mine], 0.01);
        using var theirs = optim.Adam([reference], 0.01);
        for (var step = 0; step < 20; step++)
        {
            using var scope = NewDisposeScope();
            ours.ZeroGrad();
            SquaredDistanceBackward(mine, target);
            ours.Step();
            theirs.zero_grad();
            SquaredDistanceBackward(reference, target);
            theirs.step();
        }

        mine.data<float>().ToArray().ShouldBe(reference.data<float>().ToArray());
    }

    private static float[] AdamWeights(bool collecting)
    {
        using var weights = new TorchSharp.Modules.Parameter(ones(64));
        using var target = linspace(-1, 1, 64);
        using var adam = new SafeAdam([weights], 1e-3);
        using var collector = collecting ? new CollectingThread() : null;
        for (var step = 0; step < 20_000; step++)
        {
            using var scope = NewDisposeScope();
            adam.ZeroGrad();
            SquaredDistanceBackward(weights, target);
            adam.Step();
        }

        return weights.data<float>().ToArray();
    }

    /// <summary>
    /// Gradients of Σ (weights − target)², the square as a product of tensors: TorchSharp's square() is pow(2), an
    /// implicit scalar (HeldScalars). Called inside the caller's dispose scope, which owns the temporaries.
    /// </summary>
    private static void SquaredDistanceBackward(Tensor weights, Tensor target)
    {
        using var difference = weights.sub(target);
        difference.mul(difference).sum().backward();
    }
}
