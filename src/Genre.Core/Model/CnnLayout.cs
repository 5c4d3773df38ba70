namespace Genre.Model;

/// <summary>
/// The hyper-parameters of <c>GenreCnn</c> (Genre.Training) and the state dict they imply, with no TorchSharp types, so the
/// ONNX inference path can build and check the same network without loading libtorch. <c>GenreCnn</c> (Genre.Training) is
/// constructed from this, so the two cannot drift apart.
/// </summary>
internal static class CnnLayout
{
    /// <summary>Identifies this exact layer stack in model cards.</summary>
    public const string Architecture = "gtzan-cnn-v1";

    /// <summary>Frames and coefficients of one input segment.</summary>
    public const int Frames = 130;

    public const int Coefficients = 13;

    /// <summary>Output channels of every convolution.</summary>
    public const int Channels = 32;

    /// <summary>PyTorch's BatchNorm2d default, which the original model used.</summary>
    public const float BatchNormEpsilon = 1e-5f;

    /// <summary>Index of each layer inside a <c>blockN</c> Sequential (PyTorch's state-dict names).</summary>
    public const int ConvIndex = 0;

    public const int BatchNormIndex = 3;

    /// <summary>block1..block3: Conv2d -> ReLU -> MaxPool2d -> BatchNorm2d.</summary>
    public static IReadOnlyList<CnnBlock> Blocks { get; } =
    [
        new(InChannels: 1, ConvKernel: 3, ConvPadding: 1, PoolKernel: 3, PoolStride: 2, PoolPadding: 1),
        new(InChannels: Channels, ConvKernel: 3, ConvPadding: 1, PoolKernel: 3, PoolStride: 2, PoolPadding: 1),
        new(InChannels: Channels, ConvKernel: 2, ConvPadding: 0, PoolKernel: 2, PoolStride: 2, PoolPadding: 0),
    ];

    /// <summary>Inputs of fc.0, fc.3 and fc.6 (the last one's outputs are the classes); dropout sits between them in training.</summary>
    public static IReadOnlyList<int> HiddenWidths { get; } = [512, 256, 128];

    /// <summary>Index of each Linear inside <c>fc</c>: Linear, ReLU, Dropout repeat, so 0, 3, 6.</summary>
    public static int LinearIndex(int layer) => 3 * layer;

    /// <summary>Height and width after each block, as PyTorch computes them (floor mode): (65, 7), (33, 4), (16, 1).</summary>
    public static IReadOnlyList<(int Height, int Width)> BlockOutputSizes()
    {
        var sizes = new List<(int, int)>();
        var (h, w) = (Frames, Coefficients);
        foreach (var b in Blocks)
        {
            (h, w) = (b.PooledSize(b.ConvolvedSize(h)), b.PooledSize(b.ConvolvedSize(w)));
            sizes.Add((h, w));
        }

        return sizes;
    }

    /// <summary>Every state-dict entry of a network with <paramref name="classes"/> outputs: name -> (type, shape).</summary>
    public static IReadOnlyDictionary<string, (SafeTensorDType DType, long[] Shape)> StateDict(int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        var result = new Dictionary<string, (SafeTensorDType, long[])>(StringComparer.Ordinal);
        for (var i = 0; i < Blocks.Count; i++)
        {
            AddBlock(result, $"block{i + 1}.{ConvIndex}", $"block{i + 1}.{BatchNormIndex}", Blocks[i], Channels);
        }

        for (var layer = 0; layer < HiddenWidths.Count; layer++)
        {
            var outputs = layer + 1 < HiddenWidths.Count ? HiddenWidths[layer + 1] : classes;
            result[$"fc.{LinearIndex(layer)}.weight"] = (SafeTensorDType.F32, [outputs, HiddenWidths[layer]]);
            result[$"fc.{LinearIndex(layer)}.bias"] = (SafeTensorDType.F32, [outputs]);
        }

        return result;
    }

    /// <summary>The state-dict entries of one block's Conv2d (<paramref name="conv"/>) and BatchNorm2d (<paramref name="norm"/>).</summary>
    internal static void AddBlock(Dictionary<string, (SafeTensorDType, long[])> result, string conv, string norm, CnnBlock b, int channels)
    {
        result[$"{conv}.weight"] = (SafeTensorDType.F32, [channels, b.InChannels, b.ConvKernel, b.ConvKernel]);
        result[$"{conv}.bias"] = (SafeTensorDType.F32, [channels]);
        foreach (var vector in BatchNormVectors)
        {
            result[$"{norm}.{vector}"] = (SafeTensorDType.F32, [channels]);
        }

        // A 0-dim buffer in PyTorch; safetensors files store it as [1].
        result[$"{norm}.num_batches_tracked"] = (SafeTensorDType.I64, []);
    }

    /// <summary>A BatchNorm2d's per-channel tensors, in the order ONNX's BatchNormalization takes them.</summary>
    internal static IReadOnlyList<string> BatchNormVectors { get; } = ["weight", "bias", "running_mean", "running_var"];

    /// <summary>
    /// Checks <paramref name="tensors"/> as PyTorch's strict load_state_dict does: every entry there with its type
    /// and shape, and nothing else.
    /// </summary>
    public static void CheckWeights(IReadOnlyDictionary<string, SafeTensor> tensors, int classes, string? path) =>
        StateDictCheck.Check(tensors, StateDict(classes), new Dictionary<string, (SafeTensorDType, long[])>(), Architecture, path);
}
