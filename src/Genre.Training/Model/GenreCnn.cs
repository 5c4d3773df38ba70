using Genre.Training.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace Genre.Model;

/// <summary>
/// The original system's CNN over one MFCC segment (B, 1, 130, 13) -> (B, classes) logits. Submodule names and
/// indices are PyTorch's (<c>block1.0.weight</c>, <c>block1.3.running_mean</c>, <c>fc.6.bias</c>, ...), so its
/// state dict is interchangeable with the Python model's. Two things make training about twice as fast as the same
/// network in PyTorch without changing what it computes: the convolution weights are laid out channels-last, which
/// puts libtorch's oneDNN convolutions, pooling and batch norm on their vectorised NHWC kernels; and each block pools
/// before its ReLU, which gives the same values and gradients (ReLU is monotonic and max-pooling pads with -inf) with
/// a quarter of the ReLU work.
/// </summary>
internal sealed class GenreCnn : Module<Tensor, Tensor>
{
    /// <summary>Identifies this exact layer stack in model cards.</summary>
    public const string Architecture = CnnLayout.Architecture;

    // Field names are the state-dict prefixes: RegisterComponents uses them.
#pragma warning disable IDE1006, CA2213 // PyTorch's names; the base class disposes registered modules.
    private readonly Sequential block1;
    private readonly Sequential block2;
    private readonly Sequential block3;
    private readonly Sequential fc;
#pragma warning restore IDE1006, CA2213

    public GenreCnn(int classes) : base(nameof(GenreCnn))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        Classes = classes;
        block1 = Block(CnnLayout.Blocks[0]);
        block2 = Block(CnnLayout.Blocks[1]);
        block3 = Block(CnnLayout.Blocks[2]);
        // Flatten stays outside "fc" so the linear layers keep PyTorch's indices 0, 3 and 6.
        var widths = CnnLayout.HiddenWidths;
        fc = Sequential(
            ("0", Linear(widths[0], widths[1])), ("1", ReLU()), ("2", Dropout(0.5)),
            ("3", Linear(widths[1], widths[2])), ("4", ReLU()), ("5", Dropout(0.5)),
            ("6", Linear(widths[2], classes)));
        RegisterComponents();
        using (no_grad())
        {
            foreach (var block in new[] { block1, block2, block3 })
            {
                var conv = (Conv2d)block[CnnLayout.ConvIndex];
                conv.weight = new Parameter(ChannelsLast(conv.weight!));
            }
        }
    }

    public int Classes { get; }

    /// <summary>Frames and coefficients of one input segment.</summary>
    public static (int Frames, int Coefficients) InputShape => (CnnLayout.Frames, CnnLayout.Coefficients);

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = block3.call(block2.call(block1.call(input)));
        return fc.call(x.flatten(1)).MoveToOuterDisposeScope();
    }

    /// <summary>PyTorch's indices (conv 0, ReLU 1, pool 2, batch norm 3), run in the order 0, 2, 1, 3: see the class comment.</summary>
    private static Sequential Block(CnnBlock b) =>
        Sequential(
            ("0", Conv2d(b.InChannels, CnnLayout.Channels, b.ConvKernel, padding: b.ConvPadding)),
            ("2", MaxPool2d(b.PoolKernel, b.PoolStride, b.PoolPadding)),
            ("1", ReLU()),
            ("3", new SafeBatchNorm2d(CnnLayout.Channels, eps: CnnLayout.BatchNormEpsilon)));

    /// <summary>
    /// A copy of an (O, I, H, W) tensor with channels-last strides, as PyTorch's <c>memory_format=torch.channels_last</c>
    /// gives; TorchSharp 0.107 has no memory-format argument, so the strides are spelled out. Layers after a
    /// channels-last convolution keep the layout; safetensors export copies to C order (<see cref="ModelWeights"/>).
    /// </summary>
    private static Tensor ChannelsLast(Tensor weight)
    {
        var (i, h, w) = (weight.shape[1], weight.shape[2], weight.shape[3]);
        var result = empty_strided(weight.shape, [i * h * w, 1, w * i, i], weight.dtype, weight.device);
        return result.copy_(weight);
    }
}
