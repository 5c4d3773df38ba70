using System.Runtime.InteropServices;
using Genre.Model;
using Onnx;
using static Genre.Inference.OnnxProto;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// Builds the eval-mode ONNX graph of <see cref="EfficientAtLayout"/> from safetensors weights under PyTorch's names:
/// mel (batch, 1, 128, 1000) -> logits (batch, classes) and embedding (batch, 384). Each batch norm is folded into the
/// convolution before it at build time (in double precision), which removes a third of the nodes and, more to the
/// point, lets ONNX Runtime fuse the activation into the convolution. Squeeze-excitation stays four-dimensional
/// (GlobalAveragePool, 1x1 Conv, Relu, 1x1 Conv, Sigmoid, Mul) so it needs no reshapes.
/// </summary>
internal static class EfficientAtOnnxGraph
{
    public const string InputName = "mel";
    public const string LogitsName = "logits";
    public const string EmbeddingName = "embedding";

    // Opset 14 is the first with HardSwish; 17 is the newest that every ONNX Runtime of the last years runs, with IR 8.
    private const long Opset = 17;
    private const long IrVersion = 8;

    /// <summary>
    /// The serialised model; <paramref name="tensors"/> must have passed <see cref="EfficientAtLayout.CheckWeights"/>
    /// and <paramref name="tuned"/>, when given, <see cref="EfficientAtLayout.CheckTuned"/>, which also gave its first
    /// feature K. With a fine-tuned copy, the logits still come from the pretrained path and the embedding from the
    /// copy, which branches off after features.<c>K - 1</c>: the shared part runs once.
    /// </summary>
    public static byte[] Build(IReadOnlyDictionary<string, SafeTensor> tensors, int classes,
        (IReadOnlyDictionary<string, SafeTensor> Tensors, int First)? tuned = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var graph = new GraphProto { Name = EfficientAtLayout.Architecture };
        graph.Input.Add(Value(InputName, [null, 1, EfficientAtLayout.MelBands, EfficientAtLayout.Frames]));
        graph.Output.Add(Value(LogitsName, [null, classes]));
        graph.Output.Add(Value(EmbeddingName, [null, EfficientAtLayout.EmbeddingSize]));

        // outputs[N] is the output of features.N.
        var outputs = new List<string> { Convolution(graph, tensors, EfficientAtLayout.FirstConv, InputName) };
        foreach (var block in EfficientAtLayout.Blocks)
        {
            outputs.Add(Block(graph, tensors, block, outputs[^1]));
        }

        var embedding = Embedding(graph, tensors, EfficientAtLayout.LastConv, outputs[^1], "classifier");
        if (tuned is var (copy, first))
        {
            var x = outputs[first - 1];
            foreach (var block in EfficientAtLayout.TunedBlocks(first))
            {
                x = Block(graph, copy, block, x);
            }

            _ = Embedding(graph, copy, EfficientAtLayout.TunedLastConv, x, EfficientAtLayout.TunedPrefix + "classifier");
            graph.Node[^1].Output[0] = EmbeddingName;
        }
        else
        {
            graph.Node[^1].Output[0] = embedding = EmbeddingName;
        }

        var hidden = Node(graph, "Gemm", Linear(graph, tensors, EfficientAtLayout.HiddenLinear, embedding), EfficientAtLayout.HiddenLinear, Int("transB", 1));
        hidden = Node(graph, "HardSwish", [hidden], "classifier.3");
        _ = Node(graph, "Gemm", Linear(graph, tensors, EfficientAtLayout.OutputLinear, hidden), EfficientAtLayout.OutputLinear, Int("transB", 1));
        graph.Node[^1].Output[0] = LogitsName;
        return Serialise(graph, Opset, IrVersion);
    }

    /// <summary>One inverted-residual block: expansion, depthwise, squeeze-excitation, projection, residual sum.</summary>
    private static string Block(GraphProto graph, IReadOnlyDictionary<string, SafeTensor> tensors, EfficientAtBlock block, string input)
    {
        var x = input;
        if (block.Expansion is { } expansion)
        {
            x = Convolution(graph, tensors, expansion, x);
        }

        x = Convolution(graph, tensors, block.Depthwise, x);
        if (block.SqueezeExcitationPrefix is { } se)
        {
            x = SqueezeExcitation(graph, tensors, se, block, x);
        }

        x = Convolution(graph, tensors, block.Projection, x);
        return block.Residual ? Node(graph, "Add", [x, input], $"{block.Root}.{block.Feature}.residual") : x;
    }

    /// <summary>features.16 and the global average over bands and frames, flattened to (batch, 384): the embedding.</summary>
    private static string Embedding(GraphProto graph, IReadOnlyDictionary<string, SafeTensor> tensors, EfficientAtConv lastConv, string x, string pool)
    {
        x = Convolution(graph, tensors, lastConv, x);
        x = Node(graph, "GlobalAveragePool", [x], $"{pool}.0");
        return Node(graph, "Flatten", [x], $"{pool}.1", Int("axis", 1));
    }

    /// <summary>Conv with the batch norm folded in (w' = w g / sqrt(v + eps), b' = beta - m g / sqrt(v + eps)), then the activation.</summary>
    private static string Convolution(GraphProto graph, IReadOnlyDictionary<string, SafeTensor> tensors, EfficientAtConv conv, string x)
    {
        var weight = Floats(tensors, conv.WeightName);
        var gamma = Floats(tensors, $"{conv.NormPrefix}.weight");
        var beta = Floats(tensors, $"{conv.NormPrefix}.bias");
        var mean = Floats(tensors, $"{conv.NormPrefix}.running_mean");
        var variance = Floats(tensors, $"{conv.NormPrefix}.running_var");
        var perOutput = weight.Length / conv.OutChannels;
        var folded = new float[weight.Length];
        var bias = new float[conv.OutChannels];
        for (var o = 0; o < conv.OutChannels; o++)
        {
            var scale = gamma[o] / Math.Sqrt(variance[o] + EfficientAtLayout.BatchNormEpsilon);
            for (var i = o * perOutput; i < (o + 1) * perOutput; i++)
            {
                folded[i] = (float)(weight[i] * scale);
            }

            bias[o] = (float)(beta[o] - (mean[o] * scale));
        }

        var name = $"{conv.Prefix}.0";
        x = Node(graph, "Conv",
            [x, Weight(graph, $"{name}.weight", folded, conv.WeightShape), Weight(graph, $"{name}.bias", bias, conv.OutChannels)], name,
            Ints("kernel_shape", conv.Kernel, conv.Kernel), Ints("pads", conv.Padding, conv.Padding, conv.Padding, conv.Padding),
            Ints("strides", conv.Stride, conv.Stride), Int("group", conv.Groups));
        return conv.Activation switch
        {
            EfficientAtActivation.None => x,
            EfficientAtActivation.Relu => Node(graph, "Relu", [x], $"{conv.Prefix}.2"),
            EfficientAtActivation.Hardswish => Node(graph, "HardSwish", [x], $"{conv.Prefix}.2"),
            _ => throw new ArgumentOutOfRangeException(nameof(conv), conv.Activation, null),
        };
    }

    /// <summary>x * sigmoid(fc2(relu(fc1(mean over bands and frames of x)))), the linear layers as 1x1 convolutions.</summary>
    private static string SqueezeExcitation(GraphProto graph, IReadOnlyDictionary<string, SafeTensor> tensors, string prefix, EfficientAtBlock block, string x)
    {
        var scale = Node(graph, "GlobalAveragePool", [x], $"{prefix}.mean");
        scale = Node(graph, "Conv", PointwiseLinear(graph, tensors, $"{prefix}.fc1", block.SqueezeChannels, block.ExpandedChannels, scale), $"{prefix}.fc1");
        scale = Node(graph, "Relu", [scale], $"{prefix}.activation");
        scale = Node(graph, "Conv", PointwiseLinear(graph, tensors, $"{prefix}.fc2", block.ExpandedChannels, block.SqueezeChannels, scale), $"{prefix}.fc2");
        scale = Node(graph, "Sigmoid", [scale], $"{prefix}.scale_activation");
        return Node(graph, "Mul", [x, scale], prefix);
    }

    private static string[] Linear(GraphProto graph, IReadOnlyDictionary<string, SafeTensor> tensors, string name, string x) =>
        [x, Weight(graph, tensors, $"{name}.weight"), Weight(graph, tensors, $"{name}.bias")];

    /// <summary>A Linear's (out, in) weight as an (out, in, 1, 1) convolution kernel.</summary>
    private static string[] PointwiseLinear(GraphProto graph, IReadOnlyDictionary<string, SafeTensor> tensors, string name, int outputs, int inputs, string x) =>
        [x, Weight(graph, $"{name}.weight", Floats(tensors, $"{name}.weight"), outputs, inputs, 1, 1), Weight(graph, tensors, $"{name}.bias")];

    private static float[] Floats(IReadOnlyDictionary<string, SafeTensor> tensors, string name) =>
        MemoryMarshal.Cast<byte, float>(tensors[name].Data).ToArray();
}
