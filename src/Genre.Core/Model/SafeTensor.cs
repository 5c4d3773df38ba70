namespace Genre.Model;

/// <summary>One tensor of a safetensors file: element type, shape and raw little-endian bytes (C order).</summary>
internal sealed record SafeTensor(SafeTensorDType DType, long[] Shape, byte[] Data)
{
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    public static int ElementSize(SafeTensorDType dtype) => dtype switch
    {
        SafeTensorDType.F32 => 4,
        SafeTensorDType.I64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    public string ShapeText => $"[{string.Join(", ", Shape)}]";
}
