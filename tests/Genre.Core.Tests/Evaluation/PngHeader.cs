using System.Buffers.Binary;
using Shouldly;

namespace Genre.Core.Tests.Evaluation;

/// <summary>Checks a file is a PNG: the 8 signature bytes, then an IHDR chunk whose width and height are read back.</summary>
internal static class PngHeader
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static (int Width, int Height) Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes.Length.ShouldBeGreaterThan(33, path);
        bytes[..8].ShouldBe(Signature, path);
        BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(8)).ShouldBe(13, "IHDR length");
        System.Text.Encoding.ASCII.GetString(bytes, 12, 4).ShouldBe("IHDR");
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
