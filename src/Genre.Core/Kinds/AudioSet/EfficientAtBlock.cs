namespace Genre.Kinds.AudioSet;

/// <summary>
/// One inverted-residual block <c>features.{Feature}</c> with its channels already scaled by the width multiplier:
/// an optional 1x1 expansion (absent when it would not change the channels), a depthwise convolution, an optional
/// channel squeeze-excitation, a 1x1 projection without activation, and a residual sum when the shape allows it.
/// Layers are numbered in that order inside <c>features.{Feature}.block</c>, as PyTorch's Sequential numbers them.
/// </summary>
internal sealed record EfficientAtBlock(
    int Feature, int InChannels, int Kernel, int ExpandedChannels, int OutChannels, bool SqueezeExcitation, EfficientAtActivation Activation, int Stride)
{
    /// <summary>
    /// The state-dict name the block lives under: <c>features</c>, or <c>tuned.features</c> for the fine-tuned copy
    /// a head folder carries beside the pretrained block (<see cref="EfficientAtLayout.TunedPrefix"/>).
    /// </summary>
    public string Root { get; init; } = "features";

    public string Prefix => $"{Root}.{Feature}.block";

    public EfficientAtConv? Expansion => ExpandedChannels == InChannels
        ? null
        : new($"{Prefix}.0", InChannels, ExpandedChannels, 1, 1, 1, Activation);

    public EfficientAtConv Depthwise => new($"{Prefix}.{DepthwiseIndex}", ExpandedChannels, ExpandedChannels, Kernel, Stride, ExpandedChannels, Activation);

    /// <summary>The one squeeze-excitation layer (<c>se_dims='c'</c>) inside the concurrent SE block, or null.</summary>
    public string? SqueezeExcitationPrefix => SqueezeExcitation ? $"{Prefix}.{DepthwiseIndex + 1}.conc_se_layers.0" : null;

    /// <summary>The SE bottleneck: make_divisible(channels // se_r, 8).</summary>
    public int SqueezeChannels => EfficientAtLayout.MakeDivisible(ExpandedChannels / EfficientAtLayout.SqueezeReduction);

    public EfficientAtConv Projection =>
        new($"{Prefix}.{DepthwiseIndex + (SqueezeExcitation ? 2 : 1)}", ExpandedChannels, OutChannels, 1, 1, 1, EfficientAtActivation.None);

    public bool Residual => Stride == 1 && InChannels == OutChannels;

    private int DepthwiseIndex => Expansion is null ? 0 : 1;
}
