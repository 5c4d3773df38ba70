using System.Text.Json;
using Genre.Cli.Tests.TestSupport;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>
/// Your own labels end to end through the real program: <c>genre extract --kind audioset</c> on a folder of strings,
/// drums and speech, <c>genre train --kind audioset-head</c> (frozen, and with <c>--fine-tune</c>), then
/// <c>genre predict</c> on files training never saw.
/// </summary>
public sealed class CustomTaxonomyCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_head_trained_on_strings_drums_and_speech_predicts_those_labels_for_held_out_files()
    {
        CustomTaxonomy.Write(_dir.Path, GenreProcess.Shared);
        var embeddings = _dir.File("taxonomy.npz");
        var model = _dir.File("model");

        var extract = GenreProcess.Run("extract", "--kind", "audioset", "--data", _dir.Combine("train"), "--out", embeddings);
        var train = GenreProcess.Run("train", "--kind", "audioset-head", "--features", embeddings, "--out", model, "--seed", "1", "--threads", "1");
        var predict = GenreProcess.Run("predict", _dir.Combine("held-out"), "--model", model, "--json");
        var tuned = _dir.File("tuned");
        var fineTune = GenreProcess.Run("train", "--kind", "audioset-head", "--features", embeddings, "--out", tuned, "--seed", "1", "--threads", "1",
            "--fine-tune", "--fine-tune-epochs", "3", "--data", _dir.Combine("train"));
        var predictTuned = GenreProcess.Run("predict", _dir.Combine("held-out"), "--model", tuned, "--json");

        extract.ExitCode.ShouldBe(0, extract.ToString());
        extract.Output.ShouldContain($"embedded {3 * CustomTaxonomy.TrainPerLabel} files, kept 0");
        extract.Output.ShouldContain("3 labels");
        train.ExitCode.ShouldBe(0, train.ToString());
        train.Output.ShouldContain("test acc (clip): 100.0 %");
        fineTune.ExitCode.ShouldBe(0, fineTune.ToString());
        (fineTune.Output + fineTune.Error).ShouldContain("epoch 103/103");
        ShouldNameEveryHeldOutLabel(predict);
        ShouldNameEveryHeldOutLabel(predictTuned);
    }

    [Fact]
    public void Fine_tuning_without_the_audio_says_to_add_data_and_writes_nothing()
    {
        var model = _dir.File("model");

        var train = GenreProcess.Run("train", "--kind", "audioset-head", "--features", _dir.File("taxonomy.npz"), "--out", model, "--fine-tune");

        train.ExitCode.ShouldBe(1, train.ToString());
        train.Error.ShouldContain("--fine-tune needs the audio the embeddings were extracted from: add --data DIR");
        train.Error.ShouldNotContain("   at ");
        Directory.Exists(model).ShouldBeFalse();
    }

    private static void ShouldNameEveryHeldOutLabel(GenreProcess.Result predict)
    {
        predict.ExitCode.ShouldBe(0, predict.ToString());
        var lines = predict.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3 * CustomTaxonomy.HeldOutPerLabel);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var file = json.RootElement.GetProperty("file").GetString()!;
            var label = Path.GetFileName(Path.GetDirectoryName(file))!;
            json.RootElement.GetProperty("genre").GetString().ShouldBe(label, line);
            json.RootElement.GetProperty("probabilities").EnumerateObject().Select(p => p.Name).ShouldBe(CustomTaxonomy.Labels);
        }
    }
}
