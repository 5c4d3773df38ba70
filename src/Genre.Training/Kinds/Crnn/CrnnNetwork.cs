using Genre.Training.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace Genre.Kinds.Crnn;

/// <summary>
/// The CRNN of <see cref="CrnnLayout"/> for training: (B, 1, 130, 13) MFCC segments -> (B, classes) logits. Submodule
/// names are PyTorch's (<c>block1.0.weight</c>, <c>gru.weight_ih_l0</c>, <c>fc.weight</c>), so a PyTorch user loads the
/// weights into the same nn.Module; <see cref="CrnnOnnxGraph"/> is the same network for prediction.
/// </summary>
internal sealed class CrnnNetwork : Module<Tensor, Tensor>
{
#pragma warning disable IDE1006, CA2213 // PyTorch's names; the base class disposes registered modules.
    private readonly Sequential block1;
    private readonly Sequential block2;
    private readonly GRU gru;
    private readonly Dropout dropout;
    private readonly Linear fc;
#pragma warning restore IDE1006, CA2213

    public CrnnNetwork(int classes) : base(nameof(CrnnNetwork))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        Classes = classes;
        block1 = Block(CrnnLayout.Blocks[0]);
        block2 = Block(CrnnLayout.Blocks[1]);
        gru = GRU(CrnnLayout.StepFeatures, CrnnLayout.Hidden, batchFirst: true);
        dropout = Dropout(CrnnLayout.Dropout);
        fc = Linear(CrnnLayout.Hidden, classes);
        RegisterComponents();
    }

    public int Classes { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        // (B, C, T, F) -> (B, T, C x F): one GRU step per pooled time step, its features every channel's bands.
        var maps = block2.call(block1.call(input));
        var steps = maps.permute(0, 2, 1, 3).reshape(maps.shape[0], maps.shape[2], -1);
        var (_, last) = gru.call(steps, null);
        return fc.call(dropout.call(last[0])).MoveToOuterDisposeScope();
    }

    private static Sequential Block(Genre.Model.CnnBlock b) =>
        Sequential(
            ("0", Conv2d(b.InChannels, CrnnLayout.Channels, b.ConvKernel, padding: b.ConvPadding)),
            ("1", new SafeBatchNorm2d(CrnnLayout.Channels, eps: CrnnLayout.BatchNormEpsilon)),
            ("2", ReLU()),
            ("3", MaxPool2d(b.PoolKernel, b.PoolStride, b.PoolPadding)));
}
