using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Genre.Training.Torch;

/// <summary>
/// torch.nn.BatchNorm2d with PyTorch's parameter and buffer names (<c>weight</c>, <c>bias</c>, <c>running_mean</c>,
/// <c>running_var</c>, <c>num_batches_tracked</c>) and the same arithmetic (libtorch's batch_norm), written here only
/// because TorchSharp's own counts its batches with an implicit scalar that a GC can free mid-call
/// (<see cref="HeldScalars"/>).
/// </summary>
internal sealed class SafeBatchNorm2d : Module<Tensor, Tensor>
{
    private readonly double _eps;
    private readonly double _momentum;

    // Field names are the state-dict names: RegisterComponents uses them.
#pragma warning disable IDE1006, IDE0044, CA2213 // PyTorch's names; TorchSharp may swap them when moving the module; the base class disposes them.
    private Parameter weight;
    private Parameter bias;
    private Tensor running_mean;
    private Tensor running_var;
    private Tensor num_batches_tracked;
#pragma warning restore IDE1006, IDE0044, CA2213

    /// <summary>A batch norm over <paramref name="channels"/> channels, initialised as PyTorch's (weight 1, bias 0, mean 0, variance 1).</summary>
    public SafeBatchNorm2d(long channels, double eps = 1e-5, double momentum = 0.1) : base(nameof(SafeBatchNorm2d))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        _eps = eps;
        _momentum = momentum;
        weight = new Parameter(ones(channels));
        bias = new Parameter(zeros(channels));
        running_mean = zeros(channels);
        running_var = ones(channels);
        num_batches_tracked = tensor(0L);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 4)
        {
            throw new ArgumentException($"expected a 4-D (N, C, H, W) input, got {input.dim()}-D", nameof(input));
        }

        if (training)
        {
            using var noGrad = no_grad();
            num_batches_tracked.add_(HeldScalars.One, HeldScalars.One);
        }

        return functional.batch_norm(input, running_mean, running_var, weight, bias, training, _momentum, _eps);
    }
}
