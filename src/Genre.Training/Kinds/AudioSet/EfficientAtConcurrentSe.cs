using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// The reference's ConcurrentSEBlock with <c>se_dims='c'</c>: a list of one channel squeeze-excitation layer, kept as a
/// list only for its state-dict names (<c>conc_se_layers.0.fc1.weight</c>). Aggregating one layer's output by max is
/// that output, so the layer is called directly.
/// </summary>
internal sealed class EfficientAtConcurrentSe : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006, CA2213 // PyTorch's name; the base class disposes registered modules.
    private readonly ModuleList<EfficientAtSqueezeExcitation> conc_se_layers;
#pragma warning restore IDE1006, CA2213

    public EfficientAtConcurrentSe(int channels, int squeezeChannels) : base(nameof(EfficientAtConcurrentSe))
    {
        conc_se_layers = ModuleList(new EfficientAtSqueezeExcitation(channels, squeezeChannels));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => conc_se_layers[0].call(input);
}
