using CsCheck;
using Genre.Data.Numpy;
using Shouldly;

namespace Genre.Core.Tests.Data;

/// <summary>The .npy parser reads back what it writes, and rejects garbage only with InvalidDataException.</summary>
public class NpyPropertyTests
{
    [Fact]
    public void Float_arrays_of_any_shape_round_trip() =>
        Gen.Int[1, 4].SelectMany(rank => Gen.Int[0, 6].Array[rank]).SelectMany(shape =>
                Gen.Float.Array[shape.Aggregate(1, (a, b) => a * b)].Select(values => (shape, values)))
            .Sample(input =>
            {
                using var stream = new MemoryStream();
                NpyFormat.Write(stream, NpyArray.FromFloat32(input.values, input.shape));
                stream.Position = 0;

                var read = NpyFormat.Read(stream);

                read.Shape.ShouldBe(input.shape);
                read.ToFloat32().ShouldBe(input.values);
            }, iter: 200);

    [Fact]
    public void String_arrays_round_trip_including_non_ascii() =>
        Gen.String.Array[0, 8].Sample(values =>
        {
            var clean = values.Select(v => v.Replace("\0", "", StringComparison.Ordinal)).Where(v => !v.Any(char.IsSurrogate)).ToArray();
            using var stream = new MemoryStream();
            NpyFormat.Write(stream, NpyArray.FromStrings(clean));
            stream.Position = 0;

            NpyFormat.Read(stream).ToStrings().ShouldBe(clean);
        }, iter: 200);

    [Fact]
    public void Arbitrary_bytes_are_rejected_with_InvalidDataException_only()
    {
        byte[] header = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];
        Gen.Byte.Array[0, 300].Select(Gen.Bool).Sample((bytes, withMagic) =>
        {
            byte[] input = withMagic ? [.. header, .. bytes] : bytes;
            try
            {
                NpyFormat.Read(new MemoryStream(input));
            }
            catch (InvalidDataException)
            {
            }
        }, iter: 2000);
    }
}
