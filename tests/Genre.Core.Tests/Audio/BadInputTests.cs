using Genre.Audio;
using Genre.Core.Tests.TestSupport;
using Genre.Features;
using Shouldly;

namespace Genre.Core.Tests.Audio;

/// <summary>Every bad input the foundation issue names: one clear error naming the file and the cause.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public BadInputTests() => BadInputs.WriteAll(_dir.Path);

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(BadInputs.Empty, "empty")]
    [InlineData(BadInputs.TruncatedHeader, "")]
    [InlineData(BadInputs.ZeroLength, "no audio samples")]
    public void Undecodable_files_raise_AudioDecodeException_naming_the_file(string name, string cause)
    {
        var path = _dir.File(name);

        var error = Should.Throw<AudioDecodeException>(() => AudioLoader.Load(path));

        error.Path.ShouldBe(path);
        error.Message.ShouldStartWith(path + ": cannot decode audio: ");
        error.Reason.ShouldContain(cause);
        error.Reason.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData(BadInputs.RandomBytes, "not a recognised audio format")]
    [InlineData(BadInputs.TextAsMp3, "text, not audio")]
    [InlineData(BadInputs.UnknownExtension, "unknown extension '.xyz'")]
    public void Non_audio_raises_UnsupportedAudioException_naming_the_file(string name, string cause)
    {
        var path = _dir.File(name);

        var error = Should.Throw<UnsupportedAudioException>(() => AudioLoader.Load(path));

        error.Path.ShouldBe(path);
        error.Message.ShouldContain(path);
        error.Reason.ShouldContain(cause);
    }

    [Fact]
    public void Missing_path_says_file_not_found()
    {
        var path = _dir.File("no-such-song.wav");

        Should.Throw<AudioDecodeException>(() => AudioLoader.Load(path)).Reason.ShouldBe("file not found");
    }

    [Fact]
    public void A_folder_given_as_a_file_says_so() =>
        Should.Throw<AudioDecodeException>(() => AudioLoader.Load(_dir.Path)).Reason.ShouldContain("folder");

    [Fact]
    public void Unknown_extension_is_read_when_the_caller_trusts_the_content()
    {
        var signal = AudioLoader.Load(_dir.File(BadInputs.UnknownExtension), new AudioLoadOptions { IgnoreExtension = true });

        signal.Samples.Length.ShouldBe(66150 * 2);
    }

    [Fact]
    public void Audio_shorter_than_one_segment_gives_no_training_segment()
    {
        var signal = AudioLoader.Load(_dir.File(BadInputs.OneSecond));

        signal.Duration.ShouldBe(TimeSpan.FromSeconds(1));
        MfccExtractor.Shared.ComputeSegments(signal.Samples).Count.ShouldBe(0);
        MfccExtractor.Shared.Compute(signal.Samples).Length.ShouldBe((1 + (22050 / 512)) * 13);
    }

    [Theory]
    [InlineData(BadInputs.Empty)]
    [InlineData(BadInputs.TruncatedHeader)]
    [InlineData(BadInputs.RandomBytes)]
    [InlineData(BadInputs.TextAsMp3)]
    [InlineData(BadInputs.ZeroLength)]
    public void Uploads_of_bad_bytes_fail_the_same_way_and_leave_no_temporary_file(string name)
    {
        var before = Directory.GetFiles(Path.GetTempPath(), "genre-*.audio").Length;

        var error = Should.Throw<GenreException>(() => AudioLoader.Load(File.ReadAllBytes(_dir.File(name)), "upload.bin"));

        error.Path.ShouldBe("upload.bin");
        Directory.GetFiles(Path.GetTempPath(), "genre-*.audio").Length.ShouldBeLessThanOrEqualTo(before);
    }
}
