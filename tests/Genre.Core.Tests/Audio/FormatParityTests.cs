using Genre.Audio;
using Genre.Features;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Core.Tests.Audio;

/// <summary>Every file in reference/librosa/formats: decoded samples and MFCC against librosa.load.</summary>
public class FormatParityTests
{
    public static TheoryData<string> Formats() =>
        [.. Directory.EnumerateFiles(TestPaths.Formats).Select(f => Path.GetFileName(f)).Where(f => !f.EndsWith(".npy", StringComparison.Ordinal) && f != "index.json").Order(StringComparer.Ordinal)];

    [Fact]
    public void All_seven_formats_are_covered() => Formats().Count.ShouldBe(7);

    [Theory]
    [MemberData(nameof(Formats))]
    public void Load_matches_librosa_load(string file)
    {
        var expected = Golden.Load(Path.Combine(TestPaths.Formats, file + ".load.npy")).ToFloat32();

        var signal = AudioLoader.Load(Path.Combine(TestPaths.Formats, file));

        signal.SampleRate.ShouldBe(22050);
        signal.Samples.Length.ShouldBe(expected.Length);
        var tolerance = file.EndsWith(".m4a", StringComparison.Ordinal) ? Golden.LoadToleranceAac : Golden.LoadTolerance;
        Golden.AssertClose(signal.Samples, expected, tolerance, file);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Mfcc_of_first_segment_matches_librosa(string file)
    {
        var expected = Golden.Load(Path.Combine(TestPaths.Formats, file + ".mfcc.npy"));
        expected.Shape.ShouldBe([130, 13]);

        var signal = AudioLoader.Load(Path.Combine(TestPaths.Formats, file));
        var mfcc = MfccExtractor.Shared.Compute(signal.Samples.AsSpan(0, 66150));

        Golden.AssertMfcc(mfcc, expected.ToFloat32(), file);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Loading_from_bytes_equals_loading_from_the_path(string file)
    {
        var path = Path.Combine(TestPaths.Formats, file);

        var fromPath = AudioLoader.Load(path);
        var fromBytes = AudioLoader.Load(File.ReadAllBytes(path), "upload");

        fromBytes.Samples.ShouldBe(fromPath.Samples);
    }
}
