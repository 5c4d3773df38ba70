using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// Channel squeeze-excitation as the reference writes it: mean over bands and frames, fc1, ReLU, fc2, then a true
/// sigmoid (not MobileNetV3's hard sigmoid) scales each channel.
/// </summary>
internal sealed class EfficientAtSqueezeExcitation : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006, CA2213 // PyTorch's names; the base class disposes registered modules.
    private readonly Linear fc1;
    private readonly Linear fc2;
#pragma warning restore IDE1006, CA2213

    public EfficientAtSqueezeExcitation(int channels, int squeezeChannels) : base(nameof(EfficientAtSqueezeExcitation))
    {
        fc1 = Linear(channels, squeezeChannels);
        fc2 = Linear(squeezeChannels, channels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var scale = input.mean([2, 3]);
        scale = functional.sigmoid(fc2.call(functional.relu(fc1.call(scale))));
        return input.mul(scale.unsqueeze(-1).unsqueeze(-1)).MoveToOuterDisposeScope();
    }
}
