using Genre.Model;
using Onnx;
using static Genre.Inference.OnnxProto;

namespace Genre.Inference;

/// <summary>
/// Builds the ONNX graph of <see cref="CnnLayout"/> in eval mode from safetensors weights under PyTorch's names:
/// per block Conv -> Relu -> MaxPool -> BatchNormalization (running statistics), then Flatten and three Gemm layers
/// with Relu between (dropout is the identity in eval mode). The protobuf pieces are <see cref="OnnxProto"/>'s.
/// </summary>
internal static class OnnxGraphBuilder
{
    public const string InputName = "mfcc";
    public const string OutputName = "logits";

    // Opset 13 has every operator used here in its final form; IR version 7 is the one that goes with it.
    private const long Opset = 13;
    private const long IrVersion = 7;

    /// <summary>The serialised model; <paramref name="tensors"/> must have passed <see cref="CnnLayout.CheckWeights"/>.</summary>
    public static byte[] Build(IReadOnlyDictionary<string, SafeTensor> tensors, int classes)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var graph = new GraphProto { Name = CnnLayout.Architecture };
        graph.Input.Add(Value(InputName, [null, 1, CnnLayout.Frames, CnnLayout.Coefficients]));
        graph.Output.Add(Value(OutputName, [null, classes]));

        var x = InputName;
        for (var i = 0; i < CnnLayout.Blocks.Count; i++)
        {
            var b = CnnLayout.Blocks[i];
            var conv = $"block{i + 1}.{CnnLayout.ConvIndex}";
            var norm = $"block{i + 1}.{CnnLayout.BatchNormIndex}";
            x = OnnxConvLayers.Conv(graph, tensors, x, conv, b);
            x = Node(graph, "Relu", [x], $"block{i + 1}.1");
            x = OnnxConvLayers.MaxPool(graph, x, $"block{i + 1}.2", b);
            x = OnnxConvLayers.BatchNorm(graph, tensors, x, norm, CnnLayout.BatchNormEpsilon);
        }

        var (height, width) = CnnLayout.BlockOutputSizes()[^1];
        var flattened = CnnLayout.Channels * height * width;
        if (flattened != CnnLayout.HiddenWidths[0])
        {
            throw new InvalidOperationException($"the blocks give {flattened} features but fc.0 takes {CnnLayout.HiddenWidths[0]}");
        }

        x = Node(graph, "Flatten", [x], "flatten", Int("axis", 1));
        for (var layer = 0; layer < CnnLayout.HiddenWidths.Count; layer++)
        {
            var linear = $"fc.{CnnLayout.LinearIndex(layer)}";
            x = Node(graph, "Gemm", [x, Weight(graph, tensors, $"{linear}.weight"), Weight(graph, tensors, $"{linear}.bias")], linear,
                Int("transB", 1));
            if (layer < CnnLayout.HiddenWidths.Count - 1)
            {
                x = Node(graph, "Relu", [x], $"fc.{CnnLayout.LinearIndex(layer) + 1}");
            }
        }

        graph.Node[^1].Output[0] = OutputName;
        return OnnxProto.Serialise(graph, Opset, IrVersion);
    }
}
