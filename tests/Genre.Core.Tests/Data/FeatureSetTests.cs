using Genre.Core.Tests.TestSupport;
using Genre.Data;
using Genre.Data.Numpy;
using Shouldly;

namespace Genre.Core.Tests.Data;

public sealed class FeatureSetTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static FeatureSet Small(int count = 3, long label = 1)
    {
        var mfcc = new float[count * 130 * 13];
        for (var i = 0; i < mfcc.Length; i++)
        {
            mfcc[i] = i * 0.25f;
        }

        return new FeatureSet(mfcc, [.. Enumerable.Repeat(label, count)], ["blues", "jazz"], [.. Enumerable.Repeat("jazz.00001", count)],
            [.. Enumerable.Range(0, count).Select(i => (long)i)], 130, 13);
    }

    [Fact]
    public void Save_then_load_round_trips_every_array()
    {
        var path = _dir.File("f.npz");
        var original = Small();

        original.Save(path);
        var loaded = FeatureSet.Load(path);

        loaded.Mfcc.ShouldBe(original.Mfcc);
        loaded.Labels.ShouldBe(original.Labels);
        loaded.Mapping.ShouldBe(original.Mapping);
        loaded.Tracks.ShouldBe(original.Tracks);
        loaded.Segments.ShouldBe(original.Segments);
        Directory.GetFiles(_dir.Path).ShouldBe([path]);
    }

    [Fact]
    public void The_same_features_make_the_same_bytes_whenever_they_are_saved()
    {
        var (first, second) = (_dir.File("a.npz"), _dir.File("b.npz"));
        Small(2).Save(first);
        Small(2).Save(second);

        File.ReadAllBytes(second).ShouldBe(File.ReadAllBytes(first));
        using var zip = System.IO.Compression.ZipFile.OpenRead(first);
        zip.Entries.ShouldAllBe(e => e.LastWriteTime.DateTime == new DateTime(1980, 1, 1));
    }

    [Fact]
    public void The_npz_holds_what_numpy_savez_writes()
    {
        var path = _dir.File("f.npz");
        Small(2).Save(path);

        using var file = File.OpenRead(path);
        var arrays = NpzArchive.Read(file);

        arrays.Keys.Order(StringComparer.Ordinal).ShouldBe(["labels", "mapping", "mfcc", "segment", "silent", "track"]);
        arrays["silent"].DType.ShouldBe("<i8");
        arrays["mfcc"].DType.ShouldBe("<f4");
        arrays["mfcc"].Shape.ShouldBe([2, 130, 13]);
        arrays["labels"].DType.ShouldBe("<i8");
        arrays["mapping"].DType.ShouldBe("<U5");
        arrays["track"].DType.ShouldBe("<U10");
    }

    [Fact]
    public void Npy_header_is_version_1_padded_to_64_bytes_as_numpy_writes_it()
    {
        using var stream = new MemoryStream();
        NpyFormat.Write(stream, NpyArray.FromFloat32([1f, 2f, 3f, 4f, 5f, 6f], 2, 3));
        var bytes = stream.ToArray();

        bytes[..8].ShouldBe(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 });
        var headerLength = bytes[8] | (bytes[9] << 8);
        ((10 + headerLength) % 64).ShouldBe(0);
        System.Text.Encoding.ASCII.GetString(bytes, 10, headerLength)
            .ShouldBe("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }".PadRight(headerLength - 1) + "\n");
        bytes.Length.ShouldBe(10 + headerLength + 24);
    }

    [Fact]
    public void Missing_file_is_a_clear_error() =>
        Should.Throw<DatasetException>(() => FeatureSet.Load(_dir.File("none.npz"))).Message.ShouldContain("genre extract");

    [Fact]
    public void Corrupt_file_is_a_clear_error()
    {
        var path = _dir.File("bad.npz");
        File.WriteAllText(path, "not a zip");

        Should.Throw<DatasetException>(() => FeatureSet.Load(path)).Message.ShouldContain("not a valid .npz");
    }

    [Fact]
    public void Truncated_file_is_a_clear_error()
    {
        var path = _dir.File("f.npz");
        Small().Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Should.Throw<DatasetException>(() => FeatureSet.Load(path)).Path.ShouldBe(path);
    }

    [Fact]
    public void Wrong_shape_is_a_clear_error()
    {
        var path = _dir.File("shape.npz");
        using (var file = File.Create(path))
        {
            NpzArchive.Write(file, [new("mfcc", NpyArray.FromFloat32(new float[2 * 44 * 13], 2, 44, 13)), new("labels", NpyArray.FromInt64([0, 0], 2)), new("mapping", NpyArray.FromStrings(["a"]))]);
        }

        Should.Throw<DatasetException>(() => FeatureSet.Load(path)).Message.ShouldContain("expected (N, 130, 13)");
    }

    [Fact]
    public void Label_out_of_range_is_a_clear_error()
    {
        var path = _dir.File("labels.npz");
        Small(label: 7).Save(path);

        Should.Throw<DatasetException>(() => FeatureSet.Load(path)).Message.ShouldContain("label 7 at segment 0 is out of range");
    }

    [Fact]
    public void Unwritable_output_is_a_clear_error_and_leaves_nothing_behind()
    {
        var blocker = _dir.File("file-not-folder");
        File.WriteAllText(blocker, "x");

        Should.Throw<OutputException>(() => Small().Save(Path.Combine(blocker, "f.npz"))).Message.ShouldContain("cannot write");
        Directory.GetFiles(_dir.Path).ShouldBe([blocker]);
    }
}
