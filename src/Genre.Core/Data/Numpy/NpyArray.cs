using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Genre.Data.Numpy;

/// <summary>One array of a .npy file: its numpy dtype string, shape and raw little-endian bytes.</summary>
internal sealed class NpyArray
{
    public NpyArray(string dtype, int[] shape, byte[] data)
    {
        DType = dtype;
        Shape = shape;
        Data = data;
    }

    /// <summary>numpy's dtype string, e.g. <c>&lt;f4</c>, <c>&lt;i8</c>, <c>&lt;U12</c>.</summary>
    public string DType { get; }

#pragma warning disable CA1819 // Raw views of a file format.
    public int[] Shape { get; }

    public byte[] Data { get; }
#pragma warning restore CA1819

    public long Length => Shape.Aggregate(1L, (a, b) => a * b);

    public static NpyArray FromFloat32(ReadOnlySpan<float> values, params int[] shape) =>
        new("<f4", shape, MemoryMarshal.AsBytes(values).ToArray());

    public static NpyArray FromInt64(ReadOnlySpan<long> values, params int[] shape) =>
        new("<i8", shape, MemoryMarshal.AsBytes(values).ToArray());

    /// <summary>A fixed-width unicode array (<c>&lt;U</c>n, UTF-32), what numpy makes of a list of Python strings.</summary>
    public static NpyArray FromStrings(IReadOnlyList<string> values)
    {
        var width = Math.Max(1, values.Count == 0 ? 1 : values.Max(v => v.EnumerateRunes().Count()));
        var data = new byte[values.Count * width * 4];
        for (var i = 0; i < values.Count; i++)
        {
            var offset = i * width * 4;
            foreach (var rune in values[i].EnumerateRunes())
            {
                BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(offset), rune.Value);
                offset += 4;
            }
        }

        return new NpyArray($"<U{width}", [values.Count], data);
    }

    public float[] ToFloat32() => DType switch
    {
        "<f4" => MemoryMarshal.Cast<byte, float>(Data).ToArray(),
        "<f8" => Array.ConvertAll(MemoryMarshal.Cast<byte, double>(Data).ToArray(), d => (float)d),
        _ => throw new InvalidDataException($"expected a float array, found dtype '{DType}'"),
    };

    public long[] ToInt64() => DType switch
    {
        "<i8" => MemoryMarshal.Cast<byte, long>(Data).ToArray(),
        "<i4" => Array.ConvertAll(MemoryMarshal.Cast<byte, int>(Data).ToArray(), i => (long)i),
        "<u1" or "|u1" or "|i1" => Array.ConvertAll(Data, b => (long)b),
        _ => throw new InvalidDataException($"expected an integer array, found dtype '{DType}'"),
    };

    public string[] ToStrings()
    {
        if (!DType.StartsWith("<U", StringComparison.Ordinal) || !int.TryParse(DType.AsSpan(2), out var width) || width <= 0)
        {
            throw new InvalidDataException($"expected a unicode string array, found dtype '{DType}'");
        }

        var count = (int)Length;
        var result = new string[count];
        var builder = new StringBuilder(width);
        for (var i = 0; i < count; i++)
        {
            builder.Clear();
            for (var c = 0; c < width; c++)
            {
                var code = BinaryPrimitives.ReadInt32LittleEndian(Data.AsSpan(((i * width) + c) * 4));
                if (code == 0)
                {
                    break;
                }

                builder.Append(char.ConvertFromUtf32(code));
            }

            result[i] = builder.ToString();
        }

        return result;
    }
}
