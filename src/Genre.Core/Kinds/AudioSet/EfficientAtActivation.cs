namespace Genre.Kinds.AudioSet;

/// <summary>What follows a convolution and its batch norm: MobileNetV3 uses ReLU early, hard-swish late, nothing after a projection.</summary>
internal enum EfficientAtActivation
{
    None,
    Relu,
    Hardswish,
}
