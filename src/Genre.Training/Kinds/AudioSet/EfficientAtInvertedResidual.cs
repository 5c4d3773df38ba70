using Genre.Training.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace Genre.Kinds.AudioSet;

/// <summary>One inverted-residual block of <see cref="EfficientAtNetwork"/>: <c>features.N.block.*</c>, plus the input when the shape allows.</summary>
internal sealed class EfficientAtInvertedResidual : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006, CA2213 // PyTorch's name; the base class disposes registered modules.
    private readonly Sequential block;
#pragma warning restore IDE1006, CA2213
    private readonly bool _residual;

    public EfficientAtInvertedResidual(EfficientAtBlock config) : base(nameof(EfficientAtInvertedResidual))
    {
        ArgumentNullException.ThrowIfNull(config);
        var layers = new List<Module<Tensor, Tensor>>();
        if (config.Expansion is { } expansion)
        {
            layers.Add(EfficientAtNetwork.ConvNormActivation(expansion));
        }

        layers.Add(EfficientAtNetwork.ConvNormActivation(config.Depthwise));
        if (config.SqueezeExcitation)
        {
            layers.Add(new EfficientAtConcurrentSe(config.ExpandedChannels, config.SqueezeChannels));
        }

        layers.Add(EfficientAtNetwork.ConvNormActivation(config.Projection));
        block = Sequential(layers.Select((layer, i) => ($"{i}", layer)));
        _residual = config.Residual;
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        if (!_residual)
        {
            return block.call(input);
        }

        using var result = block.call(input);
        return result.add(input, HeldScalars.One);
    }
}
