using Genre.Audio;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Core.Tests.Audio;

/// <summary>Faults of the loaders themselves: errors under concurrency, special files, resampler refusals.</summary>
public sealed class LoaderFaultTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Each_bad_file_gets_its_own_error_when_many_are_loaded_at_once()
    {
        // Headers libsndfile recognises and then refuses, each for its own reason.
        var valid = _dir.File("valid.wav");
        AudioFileWriter.Write(valid, BadInputs.Tone(22050, 22050), 22050, 1, AudioFileFormat.WavPcm16);
        var bytes = File.ReadAllBytes(valid);
        var files = new Dictionary<string, byte[]>
        {
            ["truncated.wav"] = bytes[..20],
            ["half-header.wav"] = bytes[..36],
            ["aiff.aiff"] = [.. "FORM"u8, 0, 0, 0, 4, .. "AIFF"u8],
            ["flac.flac"] = [.. "fLaC"u8, 0, 0, 0, 1, 0],
            ["good.wav"] = bytes,
        };
        foreach (var (name, content) in files)
        {
            File.WriteAllBytes(_dir.File(name), content);
        }

        var expected = files.Keys.ToDictionary(n => n, n => Outcome(_dir.File(n)));
        expected.Values.Distinct().Count().ShouldBeGreaterThan(2, string.Join("\n", expected.Values));

        var names = files.Keys.ToArray();
        var seen = new string[400];
        Parallel.For(0, seen.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => seen[i] = Outcome(_dir.File(names[i % names.Length])));

        for (var i = 0; i < seen.Length; i++)
        {
            seen[i].ShouldBe(expected[names[i % names.Length]], $"load {i} of {names[i % names.Length]}");
        }
    }

    [Fact]
    public void A_pipe_is_refused_unopened_instead_of_blocking_for_ever()
    {
        var pipe = _dir.File("pipe.flac");
        NamedPipe.Create(pipe);

        // Nothing ever writes to the pipe: opening it would block this thread, so the answer must come without opening.
        var error = Should.Throw<AudioDecodeException>(() => AudioLoader.Load(pipe));

        error.Reason.ShouldContain("not a regular file");
        error.Path.ShouldBe(pipe);
    }

    [Fact]
    public void A_rate_libsoxr_refuses_is_the_input_s_fault_naming_it()
    {
        var error = Should.Throw<UnsupportedAudioException>(() => new SoxrResampler(0, 22050, "odd.wav").Dispose());

        error.Message.ShouldStartWith("odd.wav: not a supported audio file: libsoxr cannot resample 0 Hz to 22050 Hz");
    }

    private static string Outcome(string path)
    {
        try
        {
            return $"ok {AudioLoader.Load(path).Samples.Length}";
        }
        catch (GenreException e)
        {
            return e.Message;
        }
    }
}
