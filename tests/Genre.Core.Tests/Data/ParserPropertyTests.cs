using System.IO.Compression;
using System.Text;
using CsCheck;
using Genre.Core.Tests.TestSupport;
using Genre.Data.Download;
using Genre.Data.Numpy;
using Genre.Model;

namespace Genre.Core.Tests.Data;

/// <summary>
/// Every parser the project owns, fed arbitrary and half-valid bytes: the only exception is the project's own type
/// for that format (InvalidDataException from the readers, KaggleCredentialsException for a token), never another.
/// </summary>
public sealed class ParserPropertyTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Safetensors_from_arbitrary_bytes_or_a_mangled_header()
    {
        var header = Encoding.UTF8.GetBytes("""{"w":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]}}""");
        Gen.Select(Gen.Byte.Array[0, 200], Gen.Int[0, 3], Gen.Int[0, header.Length]).Sample((bytes, mode, cut) =>
        {
            byte[] input = mode switch
            {
                0 => bytes,
                1 => [.. BitConverter.GetBytes((ulong)header.Length), .. header.AsSpan(0, cut), .. bytes],
                2 => [.. BitConverter.GetBytes((ulong)header.Length), .. header, .. bytes],
                _ => [.. BitConverter.GetBytes(ulong.MaxValue - (ulong)cut), .. bytes],
            };
            ReadsOrRejects(() => SafeTensorsFile.Read(new MemoryStream(input)));
        }, iter: 2000);
    }

    [Fact]
    public void Model_cards_from_arbitrary_text_or_a_mangled_real_card()
    {
        var card = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot, "models", "default", ModelFolder.CardFileName));
        Gen.Select(Gen.String, Gen.Int[0, card.Length], Gen.Int[0, card.Length], Gen.Bool).Sample((text, from, length, mangle) =>
        {
            var input = mangle ? card.Remove(Math.Min(from, card.Length - 1), Math.Min(length, card.Length - Math.Min(from, card.Length - 1))).Insert(Math.Min(from, card.Length - 1), text) : text;
            ReadsOrRejects(() => ModelCard.FromJson(input));
        }, iter: 2000);
    }

    [Fact]
    public void Npz_from_arbitrary_bytes_or_a_zip_of_garbage()
    {
        Gen.Select(Gen.Byte.Array[0, 300], Gen.Bool).Sample((bytes, zipped) =>
        {
            var input = bytes;
            if (zipped)
            {
                using var buffer = new MemoryStream();
                using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
                {
                    using var entry = zip.CreateEntry("mfcc.npy").Open();
                    entry.Write(bytes);
                }

                input = buffer.ToArray();
            }

            ReadsOrRejects(() => NpzArchive.Read(new MemoryStream(input)));
        }, iter: 1000);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_kaggle_token_file_of_arbitrary_bytes_is_a_KaggleCredentialsException_or_a_token()
    {
        var home = _dir.Combine("home");
        var path = Path.Combine(home, ".kaggle", "kaggle.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Gen.OneOf(Gen.Byte.Array[0, 200], Gen.String.Select(s => Encoding.UTF8.GetBytes(s)), Gen.Const(Encoding.UTF8.GetBytes("""{"username": 1, "key": ["x"]}""")))
            .Sample(bytes =>
            {
                File.WriteAllBytes(path, bytes);
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                try
                {
                    KaggleCredentials.Load(_ => null, home);
                }
                catch (KaggleCredentialsException)
                {
                }
            }, iter: 500, threads: 1);
    }

    private static void ReadsOrRejects(Action read)
    {
        try
        {
            read();
        }
        catch (InvalidDataException)
        {
        }
    }
}
