using Genre.Cli.Tests.TestSupport;
using Genre.Core.Tests.TestSupport;
using Genre.Data;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>The real <c>genre extract</c> and <c>genre mfcc</c> processes, on the sample data and on bad input.</summary>
public sealed class ExtractCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Extract_on_the_103_sample_clips_writes_the_npz_and_a_summary()
    {
        var output = _dir.File("features.npz");

        var result = GenreProcess.Run("extract", "--data", Path.Combine(GenreProcess.Shared, "data", "gtzan-sample"), "--out", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("extracted 103 clips, 1029 segments, 0 skipped");
        result.Output.ShouldContain("ms per clip");
        result.Error.ShouldContain("extracting: 103/103");
        var features = FeatureSet.Load(output);
        features.Count.ShouldBe(1029);
        features.Mapping.Length.ShouldBe(10);
        Directory.GetFiles(_dir.Path).ShouldBe([output]);
    }

    [Fact]
    public void Extract_reports_a_corrupt_clip_by_name_and_still_writes_the_rest()
    {
        var jazz = Directory.CreateDirectory(Path.Combine(_dir.Path, "data", "genres_original", "jazz")).FullName;
        File.Copy(Path.Combine(GenreProcess.Shared, "data", "gtzan-sample", "genres_original", "jazz", "jazz.00000.wav"), Path.Combine(jazz, "jazz.00000.wav"));
        File.WriteAllBytes(Path.Combine(jazz, "jazz.00054.wav"), [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8, 1, 2]);

        var result = GenreProcess.Run("extract", "--data", Path.Combine(_dir.Path, "data"), "--out", _dir.File("f.npz"));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Error.ShouldContain("skipped: " + Path.Combine(jazz, "jazz.00054.wav") + ": ");
        result.Output.ShouldContain("extracted 1 clips, 10 segments, 1 skipped");
    }

    [Fact]
    public void Mfcc_writes_frames_by_13_or_the_segment_stack()
    {
        var clip = Path.Combine(GenreProcess.Shared, "reference", "librosa", "formats", "stereo44k.flac");

        var whole = GenreProcess.Run("mfcc", clip, "--out", _dir.File("whole.npy"));
        var stack = GenreProcess.Run("mfcc", Path.Combine(GenreProcess.Shared, "data", "gtzan-sample", "genres_original", "pop", "pop.00000.wav"), "--out", _dir.File("stack.npy"), "--segments");

        whole.ExitCode.ShouldBe(0, whole.ToString());
        whole.Output.ShouldContain("(345 x 13)"); // 8 s at 22,050 Hz = 176,400 samples -> 1 + 176400/512 frames
        stack.ExitCode.ShouldBe(0, stack.ToString());
        stack.Output.ShouldContain("(10 x 130 x 13)");
    }

    public static TheoryData<string, string> Bad() => new()
    {
        { BadInputs.Empty, "the file is empty" },
        { BadInputs.TruncatedHeader, "cannot decode audio" },
        { BadInputs.RandomBytes, "not a recognised audio format" },
        { BadInputs.TextAsMp3, "the content is text, not audio" },
        { BadInputs.ZeroLength, "contains no audio samples" },
        { BadInputs.OneSecond, "at least 3 s is needed" },
        { BadInputs.UnknownExtension, "unknown extension '.xyz'" },
        { "missing.wav", "file not found" },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Every_bad_input_is_one_clear_line_a_nonzero_exit_and_no_stack_trace(string name, string cause)
    {
        BadInputs.WriteAll(_dir.Path);
        var path = _dir.File(name);

        var result = GenreProcess.Run("mfcc", path, "--out", _dir.File("out.npy"), "--segments");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldStartWith($"genre: error: {path}: ");
        result.Error.ShouldContain(cause);
        result.Error.ShouldNotContain("   at ");
        File.Exists(_dir.File("out.npy")).ShouldBeFalse();
    }

    [Fact]
    public void A_folder_without_genre_folders_is_a_clear_error()
    {
        var result = GenreProcess.Run("extract", "--data", _dir.Path, "--out", _dir.File("f.npz"));

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("no genre folders with audio files found");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public void A_missing_dataset_is_a_clear_error()
    {
        var result = GenreProcess.Run("extract", "--data", _dir.File("nowhere"), "--out", _dir.File("f.npz"));

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("dataset folder not found");
    }

    [Fact]
    public void Missing_arguments_are_a_usage_error()
    {
        var result = GenreProcess.Run("extract");

        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldContain("--data");
    }
}
