using System.Text.Json;
using Genre.Evaluation;
using Shouldly;

namespace Genre.Core.Tests.Evaluation;

public sealed class EvaluationReportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "genre-eval-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Writes_every_file_and_pngs_have_the_requested_size()
    {
        var folder = Path.Combine(_directory, "nested", "report");

        EvaluationReportFiles.Write(folder, ReportFixture.Input(), 1.7f, ReportFixture.History());

        Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(
        [
            "classification_report.txt", "confusion_matrix.csv", "confusion_matrix.png", "history.csv", "history.json",
            "metrics.json", "per_class_accuracy.png", "reliability_diagram.png", "top_confused_pairs.png", "training_curves.png",
        ]);
        PngHeader.Read(Path.Combine(folder, ReportFileNames.ConfusionMatrixPng)).ShouldBe((900, 800));
        PngHeader.Read(Path.Combine(folder, ReportFileNames.PerClassAccuracy)).ShouldBe((900, 550));
        PngHeader.Read(Path.Combine(folder, ReportFileNames.TopConfusedPairs)).ShouldBe((900, 550));
        PngHeader.Read(Path.Combine(folder, ReportFileNames.ReliabilityDiagram)).ShouldBe((1200, 550));
        PngHeader.Read(Path.Combine(folder, ReportFileNames.TrainingCurves)).ShouldBe((1200, 500));
    }

    [Fact]
    public void Withfolderhistory_there_are_no_history_files_or_curves()
    {
        EvaluationReportFiles.Write(_directory, ReportFixture.Input(), 1f);

        File.Exists(Path.Combine(_directory, ReportFileNames.Metrics)).ShouldBeTrue();
        File.Exists(Path.Combine(_directory, ReportFileNames.HistoryCsv)).ShouldBeFalse();
        File.Exists(Path.Combine(_directory, ReportFileNames.HistoryJson)).ShouldBeFalse();
        File.Exists(Path.Combine(_directory, ReportFileNames.TrainingCurves)).ShouldBeFalse();
    }

    [Fact]
    public void A_history_without_epochs_still_gives_valid_files()
    {
        EvaluationReportFiles.Write(_directory, ReportFixture.Input(), 1f, new TrainingHistory());

        File.ReadAllLines(Path.Combine(_directory, ReportFileNames.HistoryCsv)).Length.ShouldBe(1);
        HistoryFiles.ReadJson(Path.Combine(_directory, ReportFileNames.HistoryJson)).Epochs.ShouldBeEmpty();
        PngHeader.Read(Path.Combine(_directory, ReportFileNames.TrainingCurves)).ShouldBe((1200, 500));
    }

    [Fact]
    public void Metrics_json_holds_the_summary_in_snake_case()
    {
        var summary = EvaluationReportFiles.Write(_directory, ReportFixture.Input(), 1.7f);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, ReportFileNames.Metrics)));
        var root = json.RootElement;
        root.GetProperty("segment_accuracy").GetDouble().ShouldBe(summary.SegmentAccuracy);
        root.GetProperty("clip_accuracy").GetDouble().ShouldBe(summary.ClipAccuracy);
        root.GetProperty("macro_f1").GetDouble().ShouldBe(summary.MacroF1);
        root.GetProperty("weighted_f1").GetDouble().ShouldBe(summary.WeightedF1);
        root.GetProperty("ece_before").GetDouble().ShouldBe(summary.EceBefore);
        root.GetProperty("ece_after").GetDouble().ShouldBe(summary.EceAfter);
        root.GetProperty("temperature").GetSingle().ShouldBe(1.7f);
        root.GetProperty("segment_count").GetInt32().ShouldBe(300);
        root.GetProperty("clip_count").GetInt32().ShouldBe(30);
        var blues = root.GetProperty("segment").GetProperty("per_genre")[0];
        blues.GetProperty("name").GetString().ShouldBe("blues");
        blues.GetProperty("f1").GetDouble().ShouldBe(summary.Segment.PerGenre[0].F1);
        blues.GetProperty("support").GetInt32().ShouldBe(30);
        root.GetProperty("top_confused_pairs").GetArrayLength().ShouldBe(summary.TopConfusedPairs.Count);
    }

    [Fact]
    public void Confusion_matrix_csv_has_genre_headers_and_counts_summing_to_the_segments()
    {
        var summary = EvaluationReportFiles.Write(_directory, ReportFixture.Input(), 1f);

        var lines = File.ReadAllLines(Path.Combine(_directory, ReportFileNames.ConfusionMatrixCsv));
        lines[0].ShouldBe("true\\predicted," + string.Join(',', ReportFixture.Genres));
        lines.Length.ShouldBe(11);
        lines[1].Split(',')[0].ShouldBe("blues");
        var counts = lines.Skip(1).Select(l => l.Split(',').Skip(1).Select(int.Parse).ToArray()).ToArray();
        counts.ShouldBe(summary.Segment.ConfusionMatrix);
        counts.Sum(row => row.Sum()).ShouldBe(300);
    }

    [Fact]
    public void Classification_report_has_segment_and_clip_tables_and_the_confused_pairs()
    {
        var summary = EvaluationReportFiles.Write(_directory, ReportFixture.Input(), 1f);

        var text = File.ReadAllText(Path.Combine(_directory, ReportFileNames.ClassificationReport));
        text.ShouldContain(ClassificationReportText.Table(summary.Segment));
        text.ShouldContain(ClassificationReportText.Table(summary.Clip));
        summary.TopConfusedPairs.ShouldNotBeEmpty();
        var top = summary.TopConfusedPairs[0];
        text.ShouldContain($"  {top.Actual} -> {top.Predicted}: {top.Count} (");
    }

    [Fact]
    public void A_folder_that_cannot_be_created_is_an_OutputException()
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "a-file");
        File.WriteAllText(file, "x");

        var error = Should.Throw<OutputException>(() => EvaluationReportFiles.Write(Path.Combine(file, "report"), ReportFixture.Input(), 1f));

        error.Path.ShouldBe(Path.Combine(file, "report"));
    }

    [Fact]
    public void Compute_gives_the_summary_write_gives()
    {
        var input = ReportFixture.Input();
        // Compute takes no folder, so it has nowhere to write; what is checked is that it is the same summary.
        var computed = EvaluationReport.Compute(input, 1.7f);
        var written = EvaluationReportFiles.Write(_directory, input, 1.7f);

        computed.SegmentAccuracy.ShouldBe(written.SegmentAccuracy);
        computed.ClipAccuracy.ShouldBe(written.ClipAccuracy);
        computed.EceAfter.ShouldBe(written.EceAfter);
    }
}
