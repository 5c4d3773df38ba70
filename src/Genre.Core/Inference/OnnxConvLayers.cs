using Genre.Model;
using Onnx;
using static Genre.Inference.OnnxProto;

namespace Genre.Inference;

/// <summary>
/// The convolution, pooling and batch-norm nodes of a <see cref="CnnBlock"/> under PyTorch's state-dict names, shared
/// by the CNN's and the CRNN's graphs (which run them in different orders).
/// </summary>
internal static class OnnxConvLayers
{
    /// <summary>A Conv2d with weight and bias <c>{name}.weight</c>, <c>{name}.bias</c>: square kernel, stride 1.</summary>
    public static string Conv(GraphProto graph, IReadOnlyDictionary<string, SafeTensor> tensors, string x, string name, CnnBlock b) =>
        Node(graph, "Conv", [x, Weight(graph, tensors, $"{name}.weight"), Weight(graph, tensors, $"{name}.bias")], name,
            Ints("kernel_shape", b.ConvKernel, b.ConvKernel), Ints("pads", b.ConvPadding, b.ConvPadding, b.ConvPadding, b.ConvPadding),
            Ints("strides", 1, 1));

    /// <summary>A BatchNorm2d in eval mode (running statistics).</summary>
    public static string BatchNorm(GraphProto graph, IReadOnlyDictionary<string, SafeTensor> tensors, string x, string name, float epsilon) =>
        Node(graph, "BatchNormalization", [x, .. CnnLayout.BatchNormVectors.Select(v => Weight(graph, tensors, $"{name}.{v}"))], name,
            Float("epsilon", epsilon));

    /// <summary>A MaxPool2d in floor mode.</summary>
    public static string MaxPool(GraphProto graph, string x, string name, CnnBlock b) =>
        Node(graph, "MaxPool", [x], name,
            Ints("kernel_shape", b.PoolKernel, b.PoolKernel), Ints("strides", b.PoolStride, b.PoolStride),
            Ints("pads", b.PoolPadding, b.PoolPadding, b.PoolPadding, b.PoolPadding));
}
