using Genre.Model;
using Genre.Training.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace Genre.Core.Tests.TestSupport;

/// <summary>
/// The CNN as the original Python code declares it — C-order weights, Conv -> ReLU -> MaxPool -> BatchNorm — with
/// PyTorch's state-dict names: the oracle that <see cref="GenreCnn"/>'s faster layout is held to (the layout
/// equivalence test; the training benchmark's baseline, which links this file). Its batch norm is the trainer's
/// (SafeBatchNorm2d, torch's arithmetic) so that training it beside a collector cannot free a scalar mid-call.
/// </summary>
internal static class OriginalLayoutCnn
{
    /// <summary>A network in the original layout holding a copy of <paramref name="model"/>'s parameters and buffers.</summary>
    public static Sequential CopyOf(GenreCnn model)
    {
        var blocks = CnnLayout.Blocks.Select((b, i) => ($"block{i + 1}", (Module<Tensor, Tensor>)Sequential(
            ("0", Conv2d(b.InChannels, CnnLayout.Channels, b.ConvKernel, padding: b.ConvPadding)),
            ("1", ReLU()),
            ("2", MaxPool2d(b.PoolKernel, b.PoolStride, b.PoolPadding)),
            ("3", new SafeBatchNorm2d(CnnLayout.Channels, eps: CnnLayout.BatchNormEpsilon)))));
        var w = CnnLayout.HiddenWidths;
        var fc = Sequential(
            ("0", Linear(w[0], w[1])), ("1", ReLU()), ("2", Dropout(0.5)),
            ("3", Linear(w[1], w[2])), ("4", ReLU()), ("5", Dropout(0.5)),
            ("6", Linear(w[2], model.Classes)));
        var original = Sequential([.. blocks, ("flatten", Flatten()), ("fc", fc)]);
        var source = model.state_dict();
        using (no_grad())
        {
            foreach (var (name, tensor) in original.state_dict())
            {
                tensor.copy_(source[name]);
            }
        }

        return original;
    }

    /// <summary>
    /// How far <paramref name="gradient"/> is from <paramref name="reference"/>, relative to the reference's norm. Not
    /// element-wise: where two pooled values tie to float precision, the layouts' roundings may pick different maxima
    /// (both valid), which moves a few terms of a gradient, never its bulk.
    /// </summary>
    public static float RelativeError(Tensor gradient, Tensor reference)
    {
        using var scope = NewDisposeScope();
        return ((gradient - reference).norm() / reference.norm().clamp_min(1e-12)).item<float>();
    }
}
