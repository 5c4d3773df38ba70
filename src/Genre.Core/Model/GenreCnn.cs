using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Genre.Model;

/// <summary>
/// The original system's CNN over one MFCC segment (B, 1, 130, 13) -> (B, classes) logits. Submodule names and
/// indices are PyTorch's (<c>block1.0.weight</c>, <c>block1.3.running_mean</c>, <c>fc.6.bias</c>, ...), so its
/// state dict is interchangeable with the Python model's.
/// </summary>
public sealed class GenreCnn : Module<Tensor, Tensor>
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

    private static Sequential Block(CnnBlock b) =>
        Sequential(
            ("0", Conv2d(b.InChannels, CnnLayout.Channels, b.ConvKernel, padding: b.ConvPadding)),
            ("1", ReLU()),
            ("2", MaxPool2d(b.PoolKernel, b.PoolStride, b.PoolPadding)),
            ("3", BatchNorm2d(CnnLayout.Channels, eps: CnnLayout.BatchNormEpsilon)));
}
