using System.Buffers.Binary;
using System.Text;
using Genre.Core.Tests.TestSupport;
using Genre.Model;
using Shouldly;

namespace Genre.Core.Tests.Model;

[Collection(TorchCollection.Name)]
public sealed class SafeTensorsFileTests
{
    private static string ReferenceWeights => Path.Combine(TestPaths.PytorchSeedCnn, "weights.safetensors");

    private static byte[] Write(IReadOnlyDictionary<string, SafeTensor> tensors)
    {
        using var stream = new MemoryStream();
        SafeTensorsFile.Write(stream, tensors);
        return stream.ToArray();
    }

    private static Dictionary<string, SafeTensor> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return SafeTensorsFile.Read(stream);
    }

    [Fact]
    public void Reference_weights_loaded_into_the_model_and_written_back_are_byte_identical_to_pytorchs_file()
    {
        var original = File.ReadAllBytes(ReferenceWeights);
        using var model = new GenreCnn(10);
        ModelWeights.Import(model, Read(original), ReferenceWeights);
        Write(ModelWeights.Export(model)).ShouldBe(original);
    }

    [Fact]
    public void Write_then_read_gives_the_same_tensors()
    {
        using var model = new GenreCnn(10);
        var exported = ModelWeights.Export(model);
        var back = Read(Write(exported));
        back.Keys.Order(StringComparer.Ordinal).ShouldBe(exported.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, tensor) in exported)
        {
            back[name].DType.ShouldBe(tensor.DType);
            back[name].Shape.ShouldBe(tensor.Shape);
            back[name].Data.ShouldBe(tensor.Data, name);
        }
    }

    [Fact]
    public void Header_is_a_padded_json_object_with_pythons_fields()
    {
        var bytes = Write(new Dictionary<string, SafeTensor>
        {
            ["b"] = new(SafeTensorDType.I64, [1], BitConverter.GetBytes(7L)),
            ["a"] = new(SafeTensorDType.F32, [2], [.. BitConverter.GetBytes(1f), .. BitConverter.GetBytes(2f)]),
        });
        var length = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        (length % 8).ShouldBe(0);
        Encoding.UTF8.GetString(bytes, 8, length).TrimEnd(' ').ShouldBe(
            """{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"I64","shape":[1],"data_offsets":[8,16]}}""");
        bytes.Length.ShouldBe(8 + length + 16);
        BitConverter.ToInt64(bytes, 8 + length + 8).ShouldBe(7L);
    }

    [Theory]
    [InlineData(10, "truncated")]
    [InlineData(2000, "truncated")]
    [InlineData(700_000, "truncated")]
    [InlineData(4, "too short")]
    public void A_truncated_file_is_rejected(int keep, string message)
    {
        var bytes = File.ReadAllBytes(ReferenceWeights)[..keep];
        Should.Throw<InvalidDataException>(() => Read(bytes)).Message.ShouldContain(message);
    }

    [Fact]
    public void A_header_that_is_not_json_is_rejected()
    {
        var bytes = new byte[8 + 8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, 8);
        "not json"u8.CopyTo(bytes.AsSpan(8));
        Should.Throw<InvalidDataException>(() => Read(bytes)).Message.ShouldContain("JSON");
    }

    [Fact]
    public void Unsupported_dtype_and_wrong_sizes_are_rejected()
    {
        static byte[] WithHeader(string json, int dataBytes)
        {
            var header = Encoding.UTF8.GetBytes(json);
            var bytes = new byte[8 + header.Length + dataBytes];
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
            header.CopyTo(bytes, 8);
            return bytes;
        }

        Should.Throw<InvalidDataException>(() => Read(WithHeader("""{"x":{"dtype":"F16","shape":[2],"data_offsets":[0,4]}}""", 4)))
            .Message.ShouldContain("F16");
        Should.Throw<InvalidDataException>(() => Read(WithHeader("""{"x":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}""", 8)))
            .Message.ShouldContain("needs 12");
        Should.Throw<InvalidDataException>(() => Read(WithHeader("""{"x":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}""", 8)))
            .Message.ShouldContain("hole");
    }
}
