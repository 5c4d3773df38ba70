using System.Runtime.InteropServices;
using Genre.Inference;
using Genre.Model;
using Onnx;
using static Genre.Inference.OnnxProto;

namespace Genre.Kinds.Crnn;

/// <summary>
/// The ONNX graph of <see cref="CrnnLayout"/> in eval mode from safetensors weights under PyTorch's names: per block
/// Conv -> BatchNormalization -> Relu -> MaxPool, then Transpose and Reshape to (time, batch, features), ONNX's GRU
/// and a Gemm on its last hidden state. PyTorch stores the GRU's gates in the order r, z, n; ONNX wants z, r, h, so
/// the rows are reordered here, and <c>linear_before_reset = 1</c> is PyTorch's formula for the new gate.
/// </summary>
internal static class CrnnOnnxGraph
{
    // Opset 13, as the CNN's graph: GRU with linear_before_reset exists since opset 7, Reshape's 0 (copy) since 5.
    private const long Opset = 13;
    private const long IrVersion = 7;

    /// <summary>The serialised model; <paramref name="tensors"/> must have passed <see cref="CrnnLayout.CheckWeights"/>.</summary>
    public static byte[] Build(IReadOnlyDictionary<string, SafeTensor> tensors, int classes)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var graph = new GraphProto { Name = CrnnLayout.Architecture };
        graph.Input.Add(Value(OnnxGraphBuilder.InputName, [null, 1, CrnnLayout.Frames, CrnnLayout.Coefficients]));
        graph.Output.Add(Value(OnnxGraphBuilder.OutputName, [null, classes]));

        var x = OnnxGraphBuilder.InputName;
        for (var i = 0; i < CrnnLayout.Blocks.Count; i++)
        {
            var b = CrnnLayout.Blocks[i];
            var conv = $"block{i + 1}.{CrnnLayout.ConvIndex}";
            var norm = $"block{i + 1}.{CrnnLayout.BatchNormIndex}";
            x = OnnxConvLayers.Conv(graph, tensors, x, conv, b);
            x = OnnxConvLayers.BatchNorm(graph, tensors, x, norm, CrnnLayout.BatchNormEpsilon);
            x = Node(graph, "Relu", [x], $"block{i + 1}.2");
            x = OnnxConvLayers.MaxPool(graph, x, $"block{i + 1}.3", b);
        }

        // (B, C, T, F) -> (T, B, C, F) -> (T, B, C x F): ONNX's GRU takes time first.
        x = Node(graph, "Transpose", [x], "steps.transpose", Ints("perm", 2, 0, 1, 3));
        x = Node(graph, "Reshape", [x, Int64s(graph, "steps.shape", 0, 0, -1)], "steps.reshape");
        const int h = CrnnLayout.Hidden;
        var w = GateWeights(graph, tensors, "gru.weight_ih_l0", CrnnLayout.StepFeatures);
        var r = GateWeights(graph, tensors, "gru.weight_hh_l0", h);
        var bias = Weight(graph, "gru.B", [.. Gates(tensors["gru.bias_ih_l0"], 1), .. Gates(tensors["gru.bias_hh_l0"], 1)], 1, 6 * h);
        var gru = new NodeProto { OpType = "GRU", Name = "gru" };
        gru.Input.Add([x, w, r, bias]);
        gru.Output.Add(["", "gru.Y_h"]);
        gru.Attribute.Add([Int("hidden_size", h), Int("linear_before_reset", 1)]);
        graph.Node.Add(gru);
        // Y_h is (1, B, H): the last step's state of the one direction.
        x = Node(graph, "Reshape", ["gru.Y_h", Int64s(graph, "last.shape", -1, h)], "last.reshape");
        x = Node(graph, "Gemm", [x, Weight(graph, tensors, "fc.weight"), Weight(graph, tensors, "fc.bias")], "fc", Int("transB", 1));
        graph.Node[^1].Output[0] = OnnxGraphBuilder.OutputName;
        return Serialise(graph, Opset, IrVersion);
    }

    private static string GateWeights(GraphProto graph, IReadOnlyDictionary<string, SafeTensor> tensors, string name, int inputs) =>
        Weight(graph, $"{name}.zrh", Gates(tensors[name], inputs), 1, 3 * CrnnLayout.Hidden, inputs);

    /// <summary>A PyTorch gate stack (rows r, z, n, each Hidden x <paramref name="width"/>) in ONNX's order z, r, h.</summary>
    internal static float[] Gates(SafeTensor stacked, int width)
    {
        var values = MemoryMarshal.Cast<byte, float>(stacked.Data).ToArray();
        var block = CrnnLayout.Hidden * width;
        var result = new float[values.Length];
        values.AsSpan(block, block).CopyTo(result.AsSpan(0, block));
        values.AsSpan(0, block).CopyTo(result.AsSpan(block, block));
        values.AsSpan(2 * block, block).CopyTo(result.AsSpan(2 * block, block));
        return result;
    }
}
