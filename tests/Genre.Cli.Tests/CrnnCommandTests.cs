using System.Text.Json;
using Genre.Cli.Tests.TestSupport;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>
/// The real <c>genre extract</c>, <c>genre train --kind crnn</c> (and <c>--augment</c>) and <c>genre predict</c>
/// processes on a 15-clip subset of the sample (three genres, five clips each).
/// </summary>
public sealed class CrnnCommandTests(CrnnCommandTests.TinySet set) : IClassFixture<CrnnCommandTests.TinySet>
{
    private static readonly string[] Genres = ["blues", "classical", "metal"];

    public sealed class TinySet : IDisposable
    {
        public TinySet()
        {
            Root = Directory.CreateTempSubdirectory("genre-cli-crnn-").FullName;
            Data = Path.Combine(Root, "data");
            var sample = Path.Combine(GenreProcess.Shared, "data", "gtzan-sample", "genres_original");
            foreach (var genre in Genres)
            {
                var folder = Directory.CreateDirectory(Path.Combine(Data, "genres_original", genre)).FullName;
                foreach (var clip in Directory.GetFiles(Path.Combine(sample, genre), "*.wav").Order(StringComparer.Ordinal).Take(5))
                {
                    File.CreateSymbolicLink(Path.Combine(folder, Path.GetFileName(clip)), clip);
                }
            }

            Features = Path.Combine(Root, "tiny.npz");
            var extract = GenreProcess.Run("extract", "--data", Data, "--out", Features);
            extract.ExitCode.ShouldBe(0, extract.ToString());
        }

        public string Root { get; }

        public string Data { get; }

        public string Features { get; }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }

    private static JsonElement Card(string model) => JsonDocument.Parse(File.ReadAllText(Path.Combine(model, "model.json"))).RootElement;

    [Fact]
    public void A_crnn_trained_by_the_cli_predicts_through_the_cli()
    {
        var model = Path.Combine(set.Root, "crnn");
        var train = GenreProcess.Run("train", "--kind", "crnn", "--features", set.Features, "--out", model, "--epochs", "2", "--threads", "1");
        train.ExitCode.ShouldBe(0, train.ToString());
        var card = Card(model);
        card.GetProperty("kind").GetString().ShouldBe("crnn");
        card.GetProperty("architecture").GetString().ShouldBe("gtzan-crnn-v1");
        card.TryGetProperty("augmentation", out _).ShouldBeFalse("no augmentation asked for");

        var clip = Directory.GetFiles(Path.Combine(set.Data, "genres_original", "metal")).Order(StringComparer.Ordinal).First();
        var predict = GenreProcess.Run("predict", clip, "--model", model, "--json");
        predict.ExitCode.ShouldBe(0, predict.ToString());
        var line = JsonDocument.Parse(predict.Output.Trim()).RootElement;
        Genres.ShouldContain(line.GetProperty("genre").GetString());
        line.GetProperty("probabilities").EnumerateObject().Sum(p => p.Value.GetDouble()).ShouldBe(1, 1e-3);
    }

    [Fact]
    public void Augmentation_is_recorded_in_the_card()
    {
        var model = Path.Combine(set.Root, "augmented");
        var train = GenreProcess.Run("train", "--features", set.Features, "--out", model, "--epochs", "1", "--threads", "1", "--seed", "9",
            "--augment", "mixup,gain,specaugment", "--data", set.Data);
        train.ExitCode.ShouldBe(0, train.ToString());
        var augmentation = Card(model).GetProperty("augmentation");
        augmentation.GetProperty("transforms").EnumerateArray().Select(t => t.GetString()).ShouldBe(["gain", "specaugment", "mixup"]);
        augmentation.GetProperty("seed").GetInt32().ShouldBe(9);
        augmentation.GetProperty("audio").GetString().ShouldBe("data");
    }

    [Fact]
    public void Waveform_augmentation_without_the_audio_is_one_line_and_exit_code_1()
    {
        var result = GenreProcess.Run("train", "--features", set.Features, "--out", Path.Combine(set.Root, "none"), "--augment", "noise");
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("needs the audio");
        Directory.Exists(Path.Combine(set.Root, "none")).ShouldBeFalse();
    }

    [Fact]
    public void An_unknown_transform_is_one_line_and_exit_code_1()
    {
        var result = GenreProcess.Run("train", "--features", set.Features, "--out", Path.Combine(set.Root, "bad"), "--augment", "reverb");
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("unknown transform(s) reverb");
    }
}
