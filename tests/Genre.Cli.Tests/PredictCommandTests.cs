using System.Text.Json;
using Genre.Audio;
using Genre.Cli.Tests.TestSupport;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>
/// The real <c>genre predict</c> process with both shipped models — the AudioSet default and the GTZAN CNN
/// (<c>--model models/gtzan-cnn</c>) — output, JSON Lines and exit codes.
/// </summary>
public sealed class PredictCommandTests : IDisposable
{
    private static readonly string[] s_genres = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"];
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Clip(string track) =>
        Path.Combine(GenreProcess.Shared, "data", "gtzan-sample", "genres_original", track[..track.IndexOf('.', StringComparison.Ordinal)], track + ".wav");

    private static string Formats => Path.Combine(GenreProcess.Shared, "reference", "librosa", "formats");

    private static string Cnn => Path.Combine(GenreProcess.RepositoryRoot, "models", "gtzan-cnn");

    [Fact]
    public void A_sample_clip_gets_a_readable_table_with_the_top_genres()
    {
        var result = GenreProcess.Run("predict", Clip("classical.00000"), "--top", "4");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("classical.00000.wav");
        result.Output.ShouldContain("(30.0 s, 3 windows of spread)");
        result.Output.ShouldContain("█");
        result.Output.Split('\n').Count(l => l.TrimEnd().EndsWith(" %", StringComparison.Ordinal)).ShouldBe(1 + 4);
    }

    [Fact]
    public void A_long_path_is_printed_on_one_line_when_output_is_not_a_terminal()
    {
        var folder = _dir.Combine("a-folder-name-long-enough", "that-the-whole-path-is-wider", "than-eighty-columns");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "classical.00000.wav");
        File.Copy(Clip("classical.00000"), file);

        var result = GenreProcess.Run("predict", file);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.Split('\n').ShouldContain(l => l.StartsWith(file + "  (30.0 s, 3 windows of spread)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("default", new[] { 0.0 })] // 8 s: one 10 s window, zero-padded (it holds more than 5 s)
    [InlineData("gtzan-cnn", new[] { 0.0, 3.0, 6.0 })] // two full 3 s segments and one padded
    public void Every_reference_format_is_classified_as_json_lines_in_one_run(string model, double[] starts)
    {
        var result = GenreProcess.Run("predict", Formats, "--json", "--model", Path.Combine(GenreProcess.RepositoryRoot, "models", model));

        result.ExitCode.ShouldBe(0, result.ToString());
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(7);
        var genres = new HashSet<string>();
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            root.GetProperty("file").GetString().ShouldStartWith(Formats);
            var genre = root.GetProperty("genre").GetString()!;
            genres.Add(genre);
            s_genres.ShouldContain(genre);
            var probabilities = root.GetProperty("probabilities");
            probabilities.EnumerateObject().Select(p => p.Name).ShouldBe(s_genres);
            probabilities.EnumerateObject().Sum(p => p.Value.GetDouble()).ShouldBe(1.0, 1e-4);
            root.GetProperty("confidence").GetDouble().ShouldBe(probabilities.GetProperty(genre).GetDouble(), 1e-6);
            root.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("start").GetDouble()).ShouldBe(starts);
        }

        // Seven encodings of one excerpt: the same music, so the same verdict.
        genres.Count.ShouldBe(1);
    }

    [Fact]
    public void Short_long_silent_mono_and_stereo_inputs_are_handled_by_the_cnn()
    {
        var rate = 44100;
        var tone = BadInputs.Tone(rate * 600, rate, 220); // 10 minutes
        AudioFileWriter.Write(_dir.File("long.wav"), tone, rate, 1, AudioFileFormat.WavPcm16);
        AudioFileWriter.Write(_dir.File("short.wav"), tone.AsSpan(0, rate), rate, 1, AudioFileFormat.WavPcm16);
        AudioFileWriter.Write(_dir.File("silent.wav"), new short[rate * 5], rate, 1, AudioFileFormat.WavPcm16);
        var stereo = new short[rate * 2 * 6];
        for (var i = 0; i < stereo.Length; i++)
        {
            stereo[i] = tone[i / 2];
        }

        AudioFileWriter.Write(_dir.File("stereo.flac"), stereo, rate, 2, AudioFileFormat.FlacPcm16);

        var first30 = Lines(GenreProcess.Run("predict", _dir.Path, "--json", "--model", Cnn));
        var full = Lines(GenreProcess.Run("predict", _dir.File("long.wav"), "--json", "--window", "full", "--model", Cnn));

        first30["long.wav"].GetProperty("segments").GetArrayLength().ShouldBe(10);
        first30["long.wav"].GetProperty("duration").GetDouble().ShouldBe(30.0, 0.01);
        first30["short.wav"].GetProperty("segments").GetArrayLength().ShouldBe(1);
        first30["short.wav"].GetProperty("genre").GetString().ShouldNotBeNull();
        first30["silent.wav"].GetProperty("genre").ValueKind.ShouldBe(JsonValueKind.Null);
        first30["silent.wav"].GetProperty("silent").GetBoolean().ShouldBeTrue();
        first30["stereo.flac"].GetProperty("segments").GetArrayLength().ShouldBe(2);
        full["long.wav"].GetProperty("segments").GetArrayLength().ShouldBe(200);
        full["long.wav"].GetProperty("segments")[199].GetProperty("start").GetDouble().ShouldBe(597.0, 0.01);
    }

    [Fact]
    public void The_audioset_default_listens_in_10_s_windows_and_says_a_tone_is_not_music()
    {
        var rate = 44100;
        var tone = BadInputs.Tone(rate * 240, rate, 220); // 4 minutes
        AudioFileWriter.Write(_dir.File("long.wav"), tone, rate, 1, AudioFileFormat.WavPcm16);
        AudioFileWriter.Write(_dir.File("short.wav"), tone.AsSpan(0, rate), rate, 1, AudioFileFormat.WavPcm16);
        AudioFileWriter.Write(_dir.File("silent.wav"), new short[rate * 5], rate, 1, AudioFileFormat.WavPcm16);

        var spread = Lines(GenreProcess.Run("predict", _dir.Path, "--json"));
        var first30 = Lines(GenreProcess.Run("predict", _dir.File("long.wav"), "--json", "--window", "first30"));
        var full = Lines(GenreProcess.Run("predict", _dir.File("long.wav"), "--json", "--window", "full"));

        // 24 windows of 10 s; spread takes the centres of three equal parts.
        spread["long.wav"].GetProperty("window").GetString().ShouldBe("spread");
        spread["long.wav"].GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("start").GetDouble()).ShouldBe([40.0, 120.0, 200.0]);
        spread["long.wav"].GetProperty("duration").GetDouble().ShouldBe(240.0, 0.01);
        first30["long.wav"].GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("start").GetDouble()).ShouldBe([0.0, 10.0, 20.0]);
        full["long.wav"].GetProperty("segments").GetArrayLength().ShouldBe(24);
        spread["short.wav"].GetProperty("segments").GetArrayLength().ShouldBe(1);
        foreach (var tone440 in new[] { spread["long.wav"], spread["short.wav"] })
        {
            tone440.GetProperty("is_music").GetBoolean().ShouldBeFalse();
            tone440.GetProperty("genre").ValueKind.ShouldBe(JsonValueKind.Null);
            tone440.GetProperty("other_sound").GetProperty("probability").GetDouble().ShouldBeGreaterThan(tone440.GetProperty("music").GetDouble());
        }

        spread["silent.wav"].GetProperty("silent").GetBoolean().ShouldBeTrue();
        spread["silent.wav"].GetProperty("genre").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void A_song_gets_a_genre_with_tags_and_speech_is_not_music()
    {
        var song = Path.Combine(GenreProcess.Shared, "data", "real-songs", "hiphop", "jamendolyrics__Mes_Larmes_-_kobzx2z.mp3");
        var speech = _dir.File("speech.wav");
        Speech.Write(speech, "Good evening, this is the news. Heavy rain is expected across the north tonight, with strong winds along the coast.");

        var result = GenreProcess.Run("predict", song, speech, "--tags", "3");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("tags: ");
        result.Output.ShouldContain("this does not sound like music (it sounds like Speech");
        var json = Lines(GenreProcess.Run("predict", song, "--tags", "3", "--json"))[Path.GetFileName(song)];
        json.GetProperty("is_music").GetBoolean().ShouldBeTrue();
        json.GetProperty("tags").GetArrayLength().ShouldBe(3);
        json.GetProperty("genre").GetString().ShouldBe("hiphop");
    }

    [Fact]
    public void Silence_says_so_in_the_table()
    {
        AudioFileWriter.Write(_dir.File("silent.wav"), new short[22050 * 4], 22050, 1, AudioFileFormat.WavPcm16);

        var result = GenreProcess.Run("predict", _dir.File("silent.wav"));

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("silence: no audible sound, so no genre");
    }

    [Fact]
    public void A_folder_with_bad_files_reports_each_and_exits_nonzero_while_the_good_ones_are_still_classified()
    {
        BadInputs.WriteAll(_dir.Path);
        File.Copy(Clip("rock.00000"), _dir.File("rock.wav"));

        var result = GenreProcess.Run("predict", _dir.Path, _dir.File("missing.mp3"), "--json");

        result.ExitCode.ShouldBe(1, result.ToString());
        var lines = Lines(result);
        lines["rock.wav"].GetProperty("genre").GetString().ShouldNotBeNull();
        lines["one-second.wav"].TryGetProperty("error", out _).ShouldBeFalse();
        lines[BadInputs.Empty].GetProperty("error").GetString()!.ShouldContain("empty");
        lines[BadInputs.TruncatedHeader].GetProperty("error").GetString()!.ShouldContain("cannot decode audio");
        lines[BadInputs.RandomBytes].GetProperty("error").GetString()!.ShouldContain("not a recognised audio format");
        lines[BadInputs.TextAsMp3].GetProperty("error").GetString()!.ShouldContain("text, not audio");
        lines[BadInputs.ZeroLength].GetProperty("error").GetString()!.ShouldContain("no audio samples");
        lines["missing.mp3"].GetProperty("error").GetString()!.ShouldContain("file not found");
        lines.ShouldNotContainKey(BadInputs.UnknownExtension); // folders are scanned for audio extensions only
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public void A_dangling_link_is_that_file_s_error_and_a_pipe_in_the_folder_is_skipped_by_name_and_nothing_hangs()
    {
        File.Copy(Clip("rock.00000"), _dir.File("rock.wav"));
        File.CreateSymbolicLink(_dir.File("gone.mp3"), _dir.File("deleted-long-ago.mp3"));
        NamedPipe.Create(_dir.File("pipe.flac"));

        var result = GenreProcess.Run("predict", _dir.Path, "--json");

        result.ExitCode.ShouldBe(1, result.ToString());
        var lines = Lines(result);
        lines["rock.wav"].GetProperty("genre").GetString().ShouldNotBeNull();
        lines["gone.mp3"].GetProperty("error").GetString()!.ShouldContain("gone.mp3");
        lines.ShouldNotContainKey("pipe.flac");
        result.Error.ShouldContain("genre: warning: " + _dir.File("pipe.flac") + ": not a regular file (a pipe, a device or a socket); skipped");
        result.Error.ShouldNotContain("internal error");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_file_it_may_not_read_is_that_file_s_error_beside_the_others_results()
    {
        File.Copy(Clip("rock.00000"), _dir.File("rock.wav"));
        File.Copy(Clip("jazz.00002"), _dir.File("secret.wav"));
        File.SetUnixFileMode(_dir.File("secret.wav"), UnixFileMode.None);

        var result = GenreProcess.RunUnprivileged("predict", _dir.Path, "--json");

        result.ExitCode.ShouldBe(1, result.ToString());
        var lines = Lines(result);
        lines["rock.wav"].GetProperty("genre").GetString().ShouldNotBeNull();
        lines["secret.wav"].GetProperty("error").GetString()!.ShouldContain("permission denied");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_file_whose_decoder_hangs_becomes_its_error_after_the_per_file_limit_and_the_decoder_is_stopped()
    {
        // ffmpeg stuck on this one input, as on a stalled network mount: a stand-in on PATH that execs into a sleep
        // for it (so the sleeping process is what genre started) and is the real ffmpeg for anything else.
        var real = Environment.GetEnvironmentVariable("PATH")!.Split(':').Select(d => Path.Combine(d, "ffmpeg")).First(File.Exists);
        var bin = Directory.CreateDirectory(_dir.File("bin")).FullName;
        var shim = Path.Combine(bin, "ffmpeg");
        File.WriteAllText(shim, $"#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in *stalled*) exec sleep 3600 ;; esac; done\nexec {real} \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        var songs = Directory.CreateDirectory(_dir.File("songs")).FullName;
        File.Copy(Clip("rock.00000"), Path.Combine(songs, "rock.wav"));
        var stalled = Path.Combine(songs, "stalled.m4a");
        File.Copy(Path.Combine(GenreProcess.Shared, "reference", "librosa", "formats", "stereo48k.m4a"), stalled);

        var result = await GenreProcess.RunAsync(new Dictionary<string, string?> { ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}" },
            "predict", songs, "--json", "--file-limit", "2");

        result.ExitCode.ShouldBe(1, result.ToString());
        var lines = Lines(result);
        lines["rock.wav"].GetProperty("genre").GetString().ShouldNotBeNull();
        lines["stalled.m4a"].GetProperty("error").GetString().ShouldBe($"{stalled}: still decoding after 2 s (the per-file limit); skipped");
        Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "cmdline")).Where(File.Exists)
            .Select(f => { try { return File.ReadAllText(f); } catch (IOException) { return ""; } })
            .ShouldNotContain(c => c.StartsWith("sleep\u00003600", StringComparison.Ordinal), "the stuck decoder must be killed, not left running");
    }

    [Fact]
    public void A_folder_of_a_good_clip_and_a_pipe_succeeds_and_a_pipe_named_directly_is_its_error()
    {
        File.Copy(Clip("rock.00000"), _dir.File("rock.wav"));
        NamedPipe.Create(_dir.File("pipe.flac"));

        var folder = GenreProcess.Run("predict", _dir.Path, "--json");
        var direct = GenreProcess.Run("predict", _dir.File("pipe.flac"));

        folder.ExitCode.ShouldBe(0, folder.ToString());
        Lines(folder).Keys.ShouldBe(["rock.wav"]);
        direct.ExitCode.ShouldBe(1, direct.ToString());
        direct.Error.ShouldContain("pipe.flac: cannot decode audio: not a regular file (a pipe, a device or a socket)");
    }

    [Fact]
    public void An_unknown_extension_named_directly_is_one_clear_error()
    {
        BadInputs.WriteAll(_dir.Path);

        var result = GenreProcess.Run("predict", _dir.File(BadInputs.UnknownExtension));

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("unknown extension '.xyz'");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public void A_missing_model_folder_is_one_clear_error()
    {
        var result = GenreProcess.Run("predict", Clip("pop.00000"), "--model", _dir.File("no-model"));

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldStartWith("genre: error: ");
        result.Error.ShouldContain("no-model");
        result.Error.ShouldNotContain("   at ");
    }

    private static Dictionary<string, JsonElement> Lines(GenreProcess.Result result) =>
        result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => Path.GetFileName(e.GetProperty("file").GetString()!), e => e);
}
