using System.Buffers.Binary;
using System.Text.Json;

namespace Genre.Model;

/// <summary>
/// The safetensors format, written by hand (TorchSharp 0.107 has none): an 8-byte little-endian header length, a
/// JSON header <c>{name: {dtype, shape, data_offsets}}</c> padded with spaces to 8 bytes, then the raw data. Tensors
/// are written in ordinal name order, which gives files byte-identical to the reference ones PyTorch made.
/// </summary>
internal static class SafeTensorsFile
{
    // The Rust reference implementation refuses headers above 100 MB; a larger one is a corrupt length.
    private const long MaxHeaderBytes = 100_000_000;

    public static void Write(Stream stream, IReadOnlyDictionary<string, SafeTensor> tensors)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(tensors);
        var names = tensors.Keys.Order(StringComparer.Ordinal).ToArray();
        using var header = new MemoryStream();
        using (var json = new Utf8JsonWriter(header))
        {
            json.WriteStartObject();
            long offset = 0;
            foreach (var name in names)
            {
                var tensor = tensors[name];
                if (tensor.Data.Length != tensor.ElementCount * SafeTensor.ElementSize(tensor.DType))
                {
                    throw new ArgumentException($"tensor '{name}' has {tensor.Data.Length} bytes, not what {tensor.DType} {tensor.ShapeText} needs", nameof(tensors));
                }

                json.WriteStartObject(name);
                json.WriteString("dtype", tensor.DType.ToString());
                json.WriteStartArray("shape");
                foreach (var d in tensor.Shape)
                {
                    json.WriteNumberValue(d);
                }

                json.WriteEndArray();
                json.WriteStartArray("data_offsets");
                json.WriteNumberValue(offset);
                json.WriteNumberValue(offset + tensor.Data.Length);
                json.WriteEndArray();
                json.WriteEndObject();
                offset += tensor.Data.Length;
            }

            json.WriteEndObject();
        }

        var padding = (int)((8 - (header.Length % 8)) % 8);
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)(header.Length + padding));
        stream.Write(length);
        header.Position = 0;
        header.CopyTo(stream);
        for (var i = 0; i < padding; i++)
        {
            stream.WriteByte((byte)' ');
        }

        foreach (var name in names)
        {
            stream.Write(tensors[name].Data);
        }
    }

    /// <summary>Reads every tensor; a malformed or truncated file is an <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static Dictionary<string, SafeTensor> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> lengthBytes = stackalloc byte[8];
        if (stream.ReadAtLeast(lengthBytes, 8, throwOnEndOfStream: false) < 8)
        {
            throw new InvalidDataException("too short for a safetensors file (no 8-byte header length)");
        }

        var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength is 0 or > MaxHeaderBytes)
        {
            throw new InvalidDataException($"header length {headerLength} is not plausible: not a safetensors file");
        }

        var header = new byte[headerLength];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length)
        {
            throw new InvalidDataException($"truncated: the header should have {headerLength} bytes");
        }

        var entries = ParseHeader(header);
        var dataLength = entries.Count == 0 ? 0 : entries.Max(e => e.End);
        var data = new byte[dataLength];
        var read = stream.ReadAtLeast(data, data.Length, throwOnEndOfStream: false);
        if (read < data.Length)
        {
            throw new InvalidDataException($"truncated: the header promises {dataLength} bytes of tensor data, the file has {read}");
        }

        var tensors = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            tensors[e.Name] = new SafeTensor(e.DType, e.Shape, data[(int)e.Start..(int)e.End]);
        }

        return tensors;
    }

    private static List<HeaderEntry> ParseHeader(byte[] header)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the header is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("the header is not a JSON object");
            }

            var entries = new List<HeaderEntry>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    continue;
                }

                entries.Add(ParseEntry(property.Name, property.Value));
            }

            CheckContiguous(entries);
            return entries;
        }
    }

    private static HeaderEntry ParseEntry(string name, JsonElement value)
    {
        try
        {
            var dtypeText = value.GetProperty("dtype").GetString();
            if (!Enum.TryParse<SafeTensorDType>(dtypeText, ignoreCase: false, out var dtype) || !Enum.IsDefined(dtype))
            {
                throw new InvalidDataException($"tensor '{name}' has dtype {dtypeText}; only F32 and I64 are supported");
            }

            var shape = value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var offsets = value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0] || shape.Any(d => d < 0))
            {
                throw new InvalidDataException($"tensor '{name}' has invalid data_offsets or shape");
            }

            var expected = shape.Aggregate(1L, (a, b) => a * b) * SafeTensor.ElementSize(dtype);
            if (offsets[1] - offsets[0] != expected)
            {
                throw new InvalidDataException($"tensor '{name}' spans {offsets[1] - offsets[0]} bytes but {dtype} [{string.Join(", ", shape)}] needs {expected}");
            }

            return new HeaderEntry(name, dtype, shape, offsets[0], offsets[1]);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"tensor '{name}' has a malformed header entry: {e.Message}", e);
        }
    }

    // The format requires the data to be covered exactly, without holes or overlaps.
    private static void CheckContiguous(List<HeaderEntry> entries)
    {
        long next = 0;
        foreach (var e in entries.OrderBy(e => e.Start).ThenBy(e => e.End))
        {
            if (e.Start != next)
            {
                throw new InvalidDataException($"tensor '{e.Name}' starts at byte {e.Start}, expected {next}: data offsets overlap or leave a hole");
            }

            next = e.End;
        }
    }

    private sealed record HeaderEntry(string Name, SafeTensorDType DType, long[] Shape, long Start, long End);
}
