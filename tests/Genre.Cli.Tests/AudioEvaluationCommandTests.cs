using System.Text.Json;
using Genre.Cli.Tests.TestSupport;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>
/// <c>genre evaluate --data</c> and <c>genre calibrate</c> as real processes: any kind of model scored on labelled
/// audio exactly as predict hears it, and a calibration fitted on some clips and reported on the others.
/// </summary>
public sealed class AudioEvaluationCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Models => Path.Combine(GenreProcess.RepositoryRoot, "models");

    private static string Sample => Path.Combine(GenreProcess.Shared, "data", "gtzan-sample");

    /// <summary>A labelled folder of the first <paramref name="perGenre"/> sample clips of three genres.</summary>
    private string SmallDataset(int perGenre)
    {
        foreach (var genre in new[] { "classical", "metal", "reggae" })
        {
            var folder = Directory.CreateDirectory(_dir.Combine("data", genre)).FullName;
            foreach (var clip in Directory.GetFiles(Path.Combine(Sample, "genres_original", genre)).Order(StringComparer.Ordinal).Take(perGenre))
            {
                File.Copy(clip, Path.Combine(folder, Path.GetFileName(clip)));
            }
        }

        return _dir.Combine("data");
    }

    [Fact]
    public void Held_out_evaluation_of_the_cnn_leaves_out_its_82_fitted_clips()
    {
        var result = GenreProcess.Run("evaluate", "--model", Path.Combine(Models, "gtzan-cnn"), "--data", Sample, "--held-out");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("evaluated mfcc-cnn model gtzan-cnn on 21 clips, 82 fitted-on clips left out");
        result.Output.ShouldContain("one clip is 4.8 points");
        result.Output.ShouldContain("calibrated: accuracy ");
    }

    [Fact]
    public void The_audioset_default_is_evaluated_on_any_subset_of_genres_with_a_time_per_clip()
    {
        var result = GenreProcess.Run("evaluate", "--data", SmallDataset(2), "--window", "first30", "--threads", "1");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("evaluated audioset model default on 6 clips");
        result.Output.ShouldContain("time per clip ");
    }

    [Fact]
    public void A_genre_folder_the_model_does_not_know_is_one_clear_error()
    {
        Directory.CreateDirectory(_dir.Combine("data", "tango"));
        File.Copy(Path.Combine(Sample, "genres_original", "jazz", "jazz.00000.wav"), _dir.Combine("data", "tango", "a.wav"));

        var result = GenreProcess.Run("evaluate", "--data", _dir.Combine("data"));

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("genre folder(s) tango are not genres of the model");
        result.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public void Features_and_data_together_are_a_usage_error()
    {
        var result = GenreProcess.Run("evaluate", "--data", Sample, "--features", "x.npz");

        result.ExitCode.ShouldBe(2);
        result.Error.ShouldContain("genre: usage: give either --features FILE.npz or --data DIR");
        result.Error.ShouldContain("Run 'genre evaluate --help' for the options.");
    }

    [Fact]
    public void Calibrate_fits_on_four_in_five_clips_reports_the_fifth_and_writes_a_model_predict_loads()
    {
        var output = _dir.Combine("calibrated");

        var result = GenreProcess.Run("calibrate", "--model", Path.Combine(Models, "default"), "--data", SmallDataset(5), "--out", output);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Output.ShouldContain("on 12 clips: T = ");
        result.Output.ShouldContain("held out (3 clips): accuracy ");
        using var card = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "model.json")));
        var root = card.RootElement;
        root.GetProperty("kind").GetString().ShouldBe("audioset");
        root.GetProperty("fitted_clips").GetArrayLength().ShouldBe(12);
        root.GetProperty("calibration").GetProperty("after").GetProperty("clips").GetInt32().ShouldBe(3);
        root.GetProperty("temperature").GetDouble().ShouldBeGreaterThan(0);
        Directory.GetFiles(output).Select(Path.GetFileName).ShouldBe(Directory.GetFiles(Path.Combine(Models, "default")).Select(Path.GetFileName), ignoreOrder: true);

        var predict = GenreProcess.Run("predict", Path.Combine(Sample, "genres_original", "metal", "metal.00000.wav"), "--model", output);
        predict.ExitCode.ShouldBe(0, predict.ToString());
    }

    [Fact]
    public void Calibrating_on_clips_that_are_not_there_is_one_clear_error_and_writes_nothing()
    {
        var list = _dir.File("fit.txt");
        File.WriteAllText(list, "# clips to fit on\nnot.a.clip\n");

        var result = GenreProcess.Run("calibrate", "--model", Path.Combine(Models, "default"), "--data", SmallDataset(1), "--out", _dir.Combine("out"), "--fit-clips", list);

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("none of the clips to fit on is in this folder");
        Directory.Exists(_dir.Combine("out")).ShouldBeFalse();
    }
}
