using System.Text.Json;
using Genre.Audio;
using Genre.Cli.Tests.TestSupport;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>The real <c>genre predict</c> process with the shipped default model: output, JSON Lines and exit codes.</summary>
public sealed class PredictCommandTests : IDisposable
{
    private static readonly string[] s_genres = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"];
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Clip(string track) =>
        Path.Combine(GenreProcess.Shared, "data", "gtzan-sample", "genres_original", track[..track.IndexOf('.', StringComparison.Ordinal)], track + ".wav");

    private static string Formats => Path.Combine(GenreProcess.Shared, "reference", "librosa", "formats");

    [Fact]
    public void A_sample_clip_gets_a_readable_table_with_the_top_genres()
    {
        var result = GenreProcess.Run("predict", Clip("classical.00000"), "--top", "4");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("classical.00000.wav");
        result.Output.ShouldContain("(30.0 s, 10 segments)");
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
        result.Output.Split('\n').ShouldContain(l => l.StartsWith(file + "  (30.0 s, 10 segments)", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_reference_format_is_classified_as_json_lines_in_one_run()
    {
        var result = GenreProcess.Run("predict", Formats, "--json");

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
            var segments = root.GetProperty("segments").EnumerateArray().ToList();
            segments.Count.ShouldBe(3); // 8 s: two full segments and one padded
            segments.Select(s => s.GetProperty("start").GetDouble()).ShouldBe([0.0, 3.0, 6.0]);
        }

        // Seven encodings of one excerpt: the same music, so the same verdict.
        genres.Count.ShouldBe(1);
    }

    [Fact]
    public void Short_long_silent_mono_and_stereo_inputs_are_handled()
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

        var first30 = Lines(GenreProcess.Run("predict", _dir.Path, "--json"));
        var full = Lines(GenreProcess.Run("predict", _dir.File("long.wav"), "--json", "--window", "full"));

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
        lines["one-second.wav"].GetProperty("genre").GetString().ShouldNotBeNull();
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
