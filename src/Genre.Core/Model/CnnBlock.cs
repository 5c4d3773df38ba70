namespace Genre.Model;

/// <summary>One Conv2d -> ReLU -> MaxPool2d -> BatchNorm2d block: square kernels, convolution stride 1, pooling in floor mode.</summary>
internal sealed record CnnBlock(int InChannels, int ConvKernel, int ConvPadding, int PoolKernel, int PoolStride, int PoolPadding)
{
    public int ConvolvedSize(int size) => size + (2 * ConvPadding) - ConvKernel + 1;

    // PyTorch's MaxPool2d with ceil_mode=False (and ONNX MaxPool's default) rounds down.
    public int PooledSize(int size) => ((size + (2 * PoolPadding) - PoolKernel) / PoolStride) + 1;
}
