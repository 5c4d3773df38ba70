using Genre.Audio;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Core.Tests.Audio;

/// <summary>Which files arguments name: folders expanded in a fixed order, special files told apart from empty ones.</summary>
public sealed class AudioFilesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_folder_expands_to_its_audio_files_in_ordinal_order_without_pipes_which_are_named()
    {
        Directory.CreateDirectory(_dir.File("sub"));
        foreach (var name in new[] { "b.wav", "A.mp3", "sub/c.flac", "notes.txt", "empty.ogg" })
        {
            File.WriteAllBytes(_dir.File(name), name == "empty.ogg" ? [] : [1, 2, 3]);
        }

        NamedPipe.Create(_dir.File("pipe.flac"));
        var skipped = new List<string>();

        var files = AudioFiles.Expand([_dir.Path, _dir.File("missing.wav")], skipped.Add);

        files.ShouldBe([_dir.File("A.mp3"), _dir.File("b.wav"), _dir.File("empty.ogg"), _dir.File("sub/c.flac"), _dir.File("missing.wav")]);
        skipped.ShouldBe([$"{_dir.File("pipe.flac")}: not a regular file (a pipe, a device or a socket); skipped"]);
    }

    [Fact]
    public void Pipes_and_devices_are_special_and_empty_files_folders_and_missing_paths_are_not()
    {
        NamedPipe.Create(_dir.File("pipe.wav"));
        File.WriteAllBytes(_dir.File("empty.wav"), []);

        AudioFiles.IsSpecial(_dir.File("pipe.wav")).ShouldBeTrue();
        AudioFiles.IsSpecial("/dev/null").ShouldBeTrue();
        AudioFiles.IsSpecial(_dir.File("empty.wav")).ShouldBeFalse();
        AudioFiles.IsSpecial(_dir.Path).ShouldBeFalse();
        AudioFiles.IsSpecial(_dir.File("missing.wav")).ShouldBeFalse();
    }

    [Fact]
    public void An_empty_file_is_called_empty_and_a_pipe_is_called_a_pipe()
    {
        NamedPipe.Create(_dir.File("pipe.wav"));
        File.WriteAllBytes(_dir.File("empty.wav"), []);

        Should.Throw<AudioDecodeException>(() => AudioLoader.Load(_dir.File("empty.wav"))).Reason.ShouldBe("the file is empty (0 bytes)");
        Should.Throw<AudioDecodeException>(() => AudioLoader.Load(_dir.File("pipe.wav"))).Reason.ShouldBe("not a regular file (a pipe, a device or a socket)");
    }
}
