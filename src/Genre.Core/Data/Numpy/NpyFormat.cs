using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Genre.Data.Numpy;

/// <summary>
/// numpy's .npy format, version 1.0 (<c>np.save</c>): magic, a Python-dict header padded to 64 bytes, raw data.
/// Hand-written because no package on hand reads or writes it; the format is a dozen lines of spec.
/// </summary>
internal static partial class NpyFormat
{
    private static ReadOnlySpan<byte> Magic => [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static void Write(Stream stream, NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);
        var shape = array.Shape.Length == 1
            ? $"({array.Shape[0]},)"
            : $"({string.Join(", ", array.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture)))})";
        var dict = $"{{'descr': '{array.DType}', 'fortran_order': False, 'shape': {shape}, }}";
        // Header: magic(6) version(2) length(2) dict, space-padded so the data starts on a 64-byte boundary.
        var total = 10 + dict.Length + 1;
        var padded = (total + 63) / 64 * 64;
        var header = dict + new string(' ', padded - total) + "\n";
        Span<byte> prefix = stackalloc byte[10];
        Magic.CopyTo(prefix);
        prefix[6] = 1;
        prefix[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(prefix[8..], checked((ushort)header.Length));
        stream.Write(prefix);
        stream.Write(Encoding.ASCII.GetBytes(header));
        stream.Write(array.Data);
    }

    /// <summary>Reads one array; <see cref="InvalidDataException"/> says what is wrong with a malformed file.</summary>
    public static NpyArray Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> prefix = stackalloc byte[8];
        ReadExactly(stream, prefix, "the .npy preamble");
        if (!prefix[..6].SequenceEqual(Magic))
        {
            throw new InvalidDataException("not a .npy array (bad magic bytes)");
        }

        int headerLength;
        if (prefix[6] == 1)
        {
            Span<byte> len = stackalloc byte[2];
            ReadExactly(stream, len, "the header length");
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(len);
        }
        else if (prefix[6] is 2 or 3)
        {
            Span<byte> len = stackalloc byte[4];
            ReadExactly(stream, len, "the header length");
            headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(len));
        }
        else
        {
            throw new InvalidDataException($"unsupported .npy version {prefix[6]}.{prefix[7]}");
        }

        if (headerLength > 1 << 20)
        {
            throw new InvalidDataException("the .npy header is implausibly large");
        }

        var headerBytes = new byte[headerLength];
        ReadExactly(stream, headerBytes, "the header");
        var header = Encoding.Latin1.GetString(headerBytes);
        var descr = DescrPattern().Match(header);
        var fortran = FortranPattern().Match(header);
        var shapeMatch = ShapePattern().Match(header);
        if (!descr.Success || !shapeMatch.Success || !fortran.Success)
        {
            throw new InvalidDataException($"malformed .npy header: {header.Trim()}");
        }

        var shape = shapeMatch.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw new InvalidDataException($"bad dimension '{d}' in .npy shape"))
            .ToArray();
        var dtype = descr.Groups[1].Value;
        var itemSize = ItemSize(dtype);
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var bytes = checked(count * itemSize);
        if (bytes > Array.MaxLength)
        {
            throw new InvalidDataException($"array of {count} items is too large");
        }

        var data = new byte[bytes];
        ReadExactly(stream, data, $"the data ({bytes} bytes for shape ({string.Join(", ", shape)}))");
        if (fortran.Groups[1].Value == "True" && shape.Length > 1)
        {
            data = FortranToC(data, shape, itemSize);
        }

        return new NpyArray(dtype, shape, data);
    }

    /// <summary>Reorders column-major data (what np.save writes for a transposed array) into row-major.</summary>
    private static byte[] FortranToC(byte[] data, int[] shape, int itemSize)
    {
        var result = new byte[data.Length];
        var count = data.Length / itemSize;
        var index = new int[shape.Length];
        for (var c = 0; c < count; c++)
        {
            // index holds the row-major position of item c; its column-major offset is sum(index[d] * prod(shape[..d])).
            long f = 0, stride = 1;
            for (var d = 0; d < shape.Length; d++)
            {
                f += index[d] * stride;
                stride *= shape[d];
            }

            Buffer.BlockCopy(data, (int)(f * itemSize), result, c * itemSize, itemSize);
            for (var d = shape.Length - 1; d >= 0 && ++index[d] == shape[d]; d--)
            {
                index[d] = 0;
            }
        }

        return result;
    }

    private static int ItemSize(string dtype)
    {
        if (dtype.Length >= 3 && dtype[0] is '<' or '|' or '=')
        {
            if (int.TryParse(dtype.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return dtype[1] == 'U' ? checked(n * 4) : n;
            }
        }

        throw new InvalidDataException($"unsupported dtype '{dtype}' (big-endian or object arrays cannot be read)");
    }

    private static void ReadExactly(Stream stream, Span<byte> buffer, string what)
    {
        try
        {
            stream.ReadExactly(buffer);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException($"the file ends inside {what} (truncated?)");
        }
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
