namespace Genre.Kinds.AudioSet;

/// <summary>
/// One torchvision ConvNormActivation: a bias-free square convolution (<c>{Prefix}.0</c>), BatchNorm2d
/// (<c>{Prefix}.1</c>) and an optional activation, with PyTorch's "same" padding (kernel - 1) / 2. Both the ONNX
/// graph and the TorchSharp module are made from these, so they cannot disagree on a layer.
/// </summary>
internal sealed record EfficientAtConv(string Prefix, int InChannels, int OutChannels, int Kernel, int Stride, int Groups, EfficientAtActivation Activation)
{
    public int Padding => (Kernel - 1) / 2;

    public string WeightName => $"{Prefix}.0.weight";

    public string NormPrefix => $"{Prefix}.1";

    public long[] WeightShape => [OutChannels, InChannels / Groups, Kernel, Kernel];

    /// <summary>An output dimension for an input one, as PyTorch computes it (floor).</summary>
    public int OutputSize(int size) => ((size + (2 * Padding) - Kernel) / Stride) + 1;
}
