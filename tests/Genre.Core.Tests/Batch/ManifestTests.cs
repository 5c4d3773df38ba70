using System.Text;
using CsCheck;
using Genre.Batch;
using Genre.Core.Tests.TestSupport;
using Parquet;
using Parquet.Schema;
using Shouldly;

namespace Genre.Core.Tests.Batch;

/// <summary>The four manifest formats read alike; a bad manifest is a <see cref="ManifestException"/> naming its line, whatever the bytes.</summary>
public sealed class ManifestTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string name, string text)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    private List<BatchInput> All(string path)
    {
        var manifest = Manifest.Open(path);
        return [.. manifest.Rows(new ShardRange(0, manifest.Count))];
    }

    private string Resolved(string relative) => Path.GetFullPath(relative, _dir.Path);

    [Fact]
    public void Text_skips_blank_and_comment_lines_and_ids_are_the_paths_as_written() =>
        All(Write("m.txt", "# tracks\na.wav\n\n  \nsub/b.mp3\r\n/abs/c.flac\n")).ShouldBe(
            [new("a.wav", Resolved("a.wav")), new("sub/b.mp3", Resolved("sub/b.mp3")), new("/abs/c.flac", "/abs/c.flac")]);

    [Fact]
    public void Csv_takes_path_and_id_columns_in_any_order_with_quotes() =>
        All(Write("m.csv", "artist,path,id\nx,a.wav,1\n\"y, z\",\"b \"\"q\"\".wav\",\nw,c.wav,3\n")).ShouldBe(
            [new("1", Resolved("a.wav")), new("b \"q\".wav", Resolved("b \"q\".wav")), new("3", Resolved("c.wav"))]);

    [Fact]
    public void Jsonl_takes_string_or_number_ids() =>
        All(Write("m.jsonl", "{\"path\": \"a.wav\", \"id\": \"x\"}\n\n{\"path\": \"b.wav\", \"id\": 7}\n{\"path\": \"c.wav\"}\n")).ShouldBe(
            [new("x", Resolved("a.wav")), new("7", Resolved("b.wav")), new("c.wav", Resolved("c.wav"))]);

    [Fact]
    public async Task Parquet_takes_path_and_id_columns()
    {
        var path = _dir.File("m.parquet");
        await WriteParquet(path, ["a.wav", "b.wav"], ["x", null]);

        All(path).ShouldBe([new("x", Resolved("a.wav")), new("b.wav", Resolved("b.wav"))]);
    }

    [Fact]
    public void The_hash_is_of_the_bytes_and_the_count_of_the_rows()
    {
        var manifest = Manifest.Open(Write("m.txt", "a.wav\nb.wav\n"));

        manifest.Count.ShouldBe(2);
        manifest.Sha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("a.wav\nb.wav\n"u8)));
    }

    [Fact]
    public void A_shard_reads_only_its_range_in_manifest_order()
    {
        var manifest = Manifest.Open(Write("m.txt", string.Join('\n', Enumerable.Range(0, 10).Select(i => $"{i}.wav"))));

        manifest.Rows(ShardRange.Of(10, 1, 3)).Select(r => r.Id).ShouldBe(["3.wav", "4.wav", "5.wav"]);
    }

    [Theory]
    [InlineData("m.csv", "id,path\n1,a.wav\n2,b.wav,extra\n", "line 3: 3 fields, but the header has 2")]
    [InlineData("m.csv", "id,file\n1,a.wav\n", "line 1: the header has no 'path' column")]
    [InlineData("m.csv", "path\n\"a.wav\n", "line 2: a quoted field is never closed")]
    [InlineData("m.csv", "", "empty")]
    [InlineData("m.jsonl", "{\"path\": \"a.wav\"}\n{\"path\": \"b.wav\"\n", "line 2: not a JSON object")]
    [InlineData("m.jsonl", "{\"path\": \"a.wav\"}\n\n{\"file\": \"b.wav\"}\n", "line 3: no string \"path\"")]
    [InlineData("m.jsonl", "[1]\n", "line 1: not a JSON object")]
    [InlineData("m.jsonl", "{\"path\": \"a.wav\", \"id\": [1]}\n", "line 1: \"id\" is a JSON array")]
    [InlineData("m.jsonl", "{\"path\": \"\"}\n", "line 1: the path is empty")]
    [InlineData("m.json", "{}", "unknown manifest format '.json'")]
    public void A_bad_manifest_names_the_line_and_what_is_wrong(string name, string text, string expected)
    {
        var path = Write(name, text);

        var e = Should.Throw<ManifestException>(() => Manifest.Open(path));

        e.Message.ShouldStartWith(path);
        e.Message.ShouldContain(expected);
    }

    [Fact]
    public void A_missing_manifest_says_so() =>
        Should.Throw<ManifestException>(() => Manifest.Open(_dir.File("none.txt"))).Message.ShouldContain("manifest not found");

    [Fact]
    public async Task A_parquet_manifest_without_a_path_column_says_so()
    {
        var path = _dir.File("m.parquet");
        await WriteParquet(path, ["a.wav"], null, column: "file");

        Should.Throw<ManifestException>(() => Manifest.Open(path)).Message.ShouldContain("no column 'path'");
    }

    /// <summary>Each parser over arbitrary text (one thread: every sample is the same file) (and Parquet over arbitrary and damaged bytes) either reads rows or throws the documented error.</summary>
    [Theory]
    [InlineData("txt")]
    [InlineData("csv")]
    [InlineData("jsonl")]
    public void Fuzzed_text_manifests_never_fail_but_with_a_ManifestException(string extension)
    {
        var path = _dir.File("fuzz." + extension);
        var pieces = Gen.OneOf(Gen.String, Gen.Const("\""), Gen.Const(","), Gen.Const("\n"), Gen.Const("\r\n"), Gen.Const("path"), Gen.Const("id"),
            Gen.Const("{\"path\":"), Gen.Const("}"), Gen.Const("\"a.wav\""), Gen.Const("#"), Gen.Const("\0"), Gen.Const("null"), Gen.Const("7"));
        pieces.Array[0, 30].Select(p => string.Concat(p)).Sample(text =>
        {
            File.WriteAllText(path, text, Encoding.UTF8);
            ReadsOrFailsCleanly(path);
        }, threads: 1);
    }

    [Fact]
    public async Task Fuzzed_parquet_manifests_never_fail_but_with_a_ManifestException()
    {
        var valid = _dir.File("valid.parquet");
        await WriteParquet(valid, ["a.wav", "b.wav", "c.wav"], ["1", "2", "3"]);
        var bytes = await File.ReadAllBytesAsync(valid, TestContext.Current.CancellationToken);
        var path = _dir.File("fuzz.parquet");
        Gen.OneOf(
                Gen.Byte.Array[0, 2000],
                Gen.Int[0, bytes.Length].Select(n => bytes[..n]),
                Gen.Select(Gen.Int[0, bytes.Length - 1], Gen.Byte).Select((at, b) =>
                {
                    var copy = (byte[])bytes.Clone();
                    copy[at] = b;
                    return copy;
                }))
            .Sample(data =>
            {
                File.WriteAllBytes(path, data);
                ReadsOrFailsCleanly(path);
            }, iter: 300, threads: 1);
    }

    [Fact]
    public async Task A_footer_field_of_the_wrong_type_is_refused_before_parquet_net_reads_it()
    {
        // One byte, found by trying every value at every offset: ColumnMetaData's encodings (a list of i32) turned into
        // a list of 13 bools. Parquet.Net reads the field by its id anyway, falls out of step, and spins for minutes.
        var path = _dir.File("mutated.parquet");
        await WriteParquet(path, ["a.wav", "b.wav", "c.wav"], ["1", "2", "3"]);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        byte[] encodings = [0x15, 0x0C, 0x19, 0x25, 0x00, 0x06];
        var at = bytes.AsSpan().IndexOf(encodings);
        at.ShouldBeGreaterThan(0, "the footer's first column has type BYTE_ARRAY and the encodings [PLAIN, RLE]");
        bytes[at + 3] = 0xD1;
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var error = Should.Throw<ManifestException>(() => Manifest.Open(path).Rows(new ShardRange(0, 1)).ToList());

        error.Message.ShouldContain("the Parquet footer is corrupt");
    }

    [Fact]
    public void A_footer_whose_list_claims_two_billion_elements_is_refused_at_once()
    {
        // FileMetaData field 1 as a list of 2^31 - 1 bools: a reader that trusts the count loops for minutes.
        byte[] footer = [0x19, 0xF1, 0xFF, 0xFF, 0xFF, 0xFF, 0x07, 0x00];
        var path = _dir.File("huge-list.parquet");
        File.WriteAllBytes(path, [.. "PAR1"u8, .. footer, .. BitConverter.GetBytes(footer.Length), .. "PAR1"u8]);

        var error = Should.Throw<ManifestException>(() => Manifest.Open(path).Rows(new ShardRange(0, 1)).ToList());

        error.Message.ShouldContain("the Parquet footer is corrupt");
    }

    private static void ReadsOrFailsCleanly(string path)
    {
        try
        {
            var manifest = Manifest.Open(path);
            manifest.Rows(new ShardRange(0, manifest.Count)).Count().ShouldBe((int)manifest.Count);
        }
        catch (ManifestException e)
        {
            e.Message.ShouldStartWith(path);
        }
    }

    private static async Task WriteParquet(string path, string[] paths, string?[]? ids, string column = "path")
    {
        var pathField = new DataField<string>(column, nullable: true);
        var idField = new DataField<string>("id", nullable: true);
        var schema = ids is null ? new ParquetSchema(pathField) : new ParquetSchema(pathField, idField);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        await group.WriteAsync(pathField, paths);
        if (ids is not null)
        {
            await group.WriteAsync(idField, ids!);
        }
    }
}
