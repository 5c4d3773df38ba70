using Genre.Model;
using Google.Protobuf;
using Onnx;

namespace Genre.Inference;

/// <summary>
/// The few protobuf shapes every in-memory ONNX graph of this project is made of (nodes, float initializers, float
/// inputs and outputs with a symbolic batch dimension, attributes), so each builder states only its network. The
/// messages are OnnxSharp 0.3.2's generated <c>Onnx.*</c> classes; only their serialisation is used, never protobuf
/// reflection, which keeps start-up cheap.
/// </summary>
internal static class OnnxProto
{
    /// <summary>The name of the leading dimension of every input and output: callers choose the batch size per run.</summary>
    public const string BatchDimension = "batch";

    /// <summary>Adds a node whose single output is named after it; returns that name.</summary>
    public static string Node(GraphProto graph, string op, string[] inputs, string name, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.Add(inputs);
        node.Output.Add($"{name}.{op}");
        node.Attribute.Add(attributes);
        graph.Node.Add(node);
        return node.Output[0];
    }

    /// <summary>Adds the safetensors tensor <paramref name="name"/> as an initializer of that name; returns the name.</summary>
    public static string Weight(GraphProto graph, IReadOnlyDictionary<string, SafeTensor> tensors, string name)
    {
        var source = tensors[name];
        // safetensors data is little-endian C order, exactly ONNX's raw_data layout.
        return Initializer(graph, name, ByteString.CopyFrom(source.Data), source.Shape);
    }

    /// <summary>Adds computed float values (C order) as an initializer; returns its name.</summary>
    public static string Weight(GraphProto graph, string name, float[] values, params long[] shape)
    {
        if (values.Length != shape.Aggregate(1L, (a, b) => a * b))
        {
            throw new ArgumentException($"{values.Length} values do not fill [{string.Join(", ", shape)}]", nameof(values));
        }

        var bytes = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, bytes, 0, bytes.Length);
        return Initializer(graph, name, ByteString.CopyFrom(bytes), shape);
    }

    /// <summary>Adds an int64 vector initializer (a Reshape's shape, say); returns its name.</summary>
    public static string Int64s(GraphProto graph, string name, params long[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        tensor.Dims.Add(values.Length);
        tensor.Int64Data.Add(values);
        graph.Initializer.Add(tensor);
        return name;
    }

    /// <summary>A float tensor's description; a null dimension is <see cref="BatchDimension"/>.</summary>
    public static ValueInfoProto Value(string name, int?[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d is { } value
                ? new TensorShapeProto.Types.Dimension { DimValue = value }
                : new TensorShapeProto.Types.Dimension { DimParam = BatchDimension });
        }

        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape },
            },
        };
    }

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.Add(values);
        return attribute;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>The serialised model around <paramref name="graph"/>, with the default-domain opset it was written for.</summary>
    public static byte[] Serialise(GraphProto graph, long opset, long irVersion)
    {
        var model = new ModelProto
        {
            IrVersion = irVersion,
            ProducerName = "Genre",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model.ToByteArray();
    }

    private static string Initializer(GraphProto graph, string name, ByteString data, long[] shape)
    {
        var tensor = new TensorProto
        {
            Name = name,
            DataType = (int)TensorProto.Types.DataType.Float,
            RawData = data,
        };
        tensor.Dims.Add(shape);
        graph.Initializer.Add(tensor);
        return name;
    }
}
