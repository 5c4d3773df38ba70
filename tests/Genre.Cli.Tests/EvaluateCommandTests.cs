using System.Text.Json;
using Genre.Cli.Tests.TestSupport;
using Genre.Data;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>The real <c>genre train</c> then <c>genre evaluate</c> processes on the 103-clip sample (extracted and trained once).</summary>
public sealed class EvaluateCommandTests(EvaluateCommandTests.TrainedSample sample) : IClassFixture<EvaluateCommandTests.TrainedSample>
{
    private static readonly string[] ReportFiles =
        ["classification_report.txt", "confusion_matrix.csv", "metrics.json", "confusion_matrix.png", "per_class_accuracy.png", "top_confused_pairs.png", "reliability_diagram.png"];

    /// <summary>Words for the card, with a quote and a non-ASCII character to survive JSON.</summary>
    internal const string Notes = "Trained on the \"sample\" — three epochs only.";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public sealed class TrainedSample : IDisposable
    {
        public TrainedSample()
        {
            Root = Directory.CreateTempSubdirectory("genre-cli-evaluate-").FullName;
            Features = Path.Combine(Root, "sample.npz");
            Model = Path.Combine(Root, "model");
            var extract = GenreProcess.Run("extract", "--data", Path.Combine(GenreProcess.Shared, "data", "gtzan-sample"), "--out", Features);
            extract.ExitCode.ShouldBe(0, extract.ToString());
            var train = GenreProcess.Run("train", "--features", Features, "--out", Model, "--epochs", "3", "--threads", "2", "--notes", EvaluateCommandTests.Notes);
            train.ExitCode.ShouldBe(0, train.ToString());
            TrainOutput = train.Output;
        }

        public string Root { get; }

        public string Features { get; }

        public string Model { get; }

        public string TrainOutput { get; }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }

    private static void ShouldHoldTheReport(string directory, bool history)
    {
        foreach (var name in ReportFiles.Concat(history ? ["history.csv", "history.json", "training_curves.png"] : []))
        {
            var path = Path.Combine(directory, name);
            File.Exists(path).ShouldBeTrue(path);
            new FileInfo(path).Length.ShouldBeGreaterThan(0, path);
            if (name.EndsWith(".png", StringComparison.Ordinal))
            {
                File.ReadAllBytes(path)[..8].ShouldBe(PngSignature, path);
            }
        }
    }

    private static JsonElement Json(string path) => JsonDocument.Parse(File.ReadAllText(path)).RootElement;

    [Fact]
    public void Train_writes_the_test_report_and_held_out_figures_into_the_card()
    {
        ShouldHoldTheReport(Path.Combine(sample.Model, "report"), history: true);
        sample.TrainOutput.ShouldContain("report in");
        var metrics = Json(Path.Combine(sample.Model, "model.json")).GetProperty("metrics");
        foreach (var name in new[] { "test_accuracy", "test_clip_accuracy", "test_macro_f1", "test_ece_before", "test_ece_after", "validation_ece_before", "validation_ece_after" })
        {
            metrics.TryGetProperty(name, out var value).ShouldBeTrue(name);
            value.GetDouble().ShouldBeInRange(0.0, 1.0, name);
        }

        File.ReadAllLines(Path.Combine(sample.Model, "report", "history.csv")).Length.ShouldBe(4); // header + 3 epochs
        Json(Path.Combine(sample.Model, "model.json")).GetProperty("notes").GetString().ShouldBe(Notes);
    }

    [Fact]
    public void Evaluate_on_all_segments_prints_the_summary_and_writes_every_report_file()
    {
        var output = Path.Combine(sample.Root, "all");
        var result = GenreProcess.Run("evaluate", "--model", sample.Model, "--features", sample.Features, "--out", output);
        result.ExitCode.ShouldBe(0, result.ToString());
        var segments = FeatureSet.Load(sample.Features).Count;
        result.Output.ShouldContain($"evaluated all {segments} segments");
        result.Output.ShouldContain("segment accuracy");
        result.Output.ShouldContain("clip accuracy");
        result.Output.ShouldContain("macro F1");
        result.Output.ShouldContain("after temperature scaling");
        result.Output.ShouldContain($"report: {output}");
        ShouldHoldTheReport(output, history: false);
        Json(Path.Combine(output, "metrics.json")).GetProperty("segment_count").GetInt32().ShouldBe(segments);
    }

    [Fact]
    public void Evaluate_on_the_recorded_test_split_reproduces_the_cards_test_figures()
    {
        var output = Path.Combine(sample.Root, "test");
        var result = GenreProcess.Run("evaluate", "--model", sample.Model, "--features", sample.Features, "--out", output, "--split", "test");
        result.ExitCode.ShouldBe(0, result.ToString());
        var card = Json(Path.Combine(sample.Model, "model.json")).GetProperty("metrics");
        var metrics = Json(Path.Combine(output, "metrics.json"));
        var n = metrics.GetProperty("segment_count").GetInt32();
        n.ShouldBe(card.GetProperty("test_segments").GetInt32());
        // ONNX Runtime and libtorch agree to float rounding: at most a near-tie segment may flip.
        metrics.GetProperty("segment_accuracy").GetDouble().ShouldBe(card.GetProperty("test_accuracy").GetDouble(), 1.0 / n + 1e-9);
        metrics.GetProperty("clip_count").GetInt32().ShouldBe(card.GetProperty("test_clips").GetInt32());
    }

    [Fact]
    public void A_missing_model_is_one_line()
    {
        var missing = Path.Combine(sample.Root, "no-model");
        var result = GenreProcess.Run("evaluate", "--model", missing, "--features", sample.Features);
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.Trim().Split('\n').Single().ShouldStartWith("genre: error: ");
        result.Error.ShouldContain(missing);
    }

    [Fact]
    public void Features_with_other_genres_are_one_line()
    {
        var other = Path.Combine(sample.Root, "other-genres.npz");
        new FeatureSet(new float[2 * 130 * 13], [0, 1], ["polka", "zydeco"], ["polka.00000", "zydeco.00000"], [0, 0], 130, 13).Save(other);
        var result = GenreProcess.Run("evaluate", "--model", sample.Model, "--features", other);
        result.ExitCode.ShouldBe(1, result.ToString());
        var line = result.Error.Trim().Split('\n').Single();
        line.ShouldStartWith($"genre: error: {other}: genres [polka, zydeco] do not match");
    }

    [Fact]
    public void Features_of_another_shape_are_one_line()
    {
        var other = Path.Combine(sample.Root, "short.npz");
        new FeatureSet(new float[2 * 100 * 13], [0, 1], ["a", "b"], ["a.0", "b.0"], [0, 0], 100, 13).Save(other);
        var result = GenreProcess.Run("evaluate", "--model", sample.Model, "--features", other);
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.Trim().Split('\n').Single().ShouldContain("expected (N, 130, 13)");
    }

    [Fact]
    public void The_test_split_of_another_feature_file_is_refused_with_a_reason()
    {
        var copy = Path.Combine(sample.Root, "changed.npz");
        var features = FeatureSet.Load(sample.Features);
        features.Mfcc[0] += 1;
        features.Save(copy);
        var result = GenreProcess.Run("evaluate", "--model", sample.Model, "--features", copy, "--split", "test");
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.Trim().Split('\n').Single().ShouldContain("SHA-256 differs");
    }

    /// <summary>
    /// The shipped CNN's card describes what today's code makes: its data fingerprint is today's <c>genre extract</c>
    /// of the sample (a feature change without retraining fails here), and <c>evaluate --split test</c> recomputes the
    /// held-out figures the card and README state.
    /// </summary>
    [Fact]
    public void The_shipped_cnns_card_is_of_todays_features_and_evaluate_recomputes_its_test_figures()
    {
        var shipped = Path.Combine(GenreProcess.RepositoryRoot, "models", "gtzan-cnn");
        var card = Json(Path.Combine(shipped, "model.json"));
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(sample.Features)));
        card.GetProperty("data").GetProperty("sha256").GetString().ShouldBe(sha256, "retrain models/gtzan-cnn with the command in its card's notes");

        // evaluate writes its report into the model folder: a copy keeps the repository clean.
        var model = Path.Combine(sample.Root, "shipped-cnn");
        Directory.CreateDirectory(model);
        foreach (var file in Directory.GetFiles(shipped))
        {
            File.Copy(file, Path.Combine(model, Path.GetFileName(file)));
        }

        var result = GenreProcess.Run("evaluate", "--model", model, "--features", sample.Features, "--split", "test");

        result.ExitCode.ShouldBe(0, result.ToString());
        var metrics = card.GetProperty("metrics");
        static string Percent(double share) => (share * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %";
        result.Output.ShouldContain($"segment accuracy {Percent(metrics.GetProperty("test_accuracy").GetDouble())} (210 segments), clip accuracy {Percent(metrics.GetProperty("test_clip_accuracy").GetDouble())} (21 clips)");
    }
}
