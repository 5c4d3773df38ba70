using Genre.Core.Tests.TestSupport;
using Genre.Data;
using Genre.Data.Numpy;
using Genre.Model;
using Genre.Training;
using Shouldly;

namespace Genre.Core.Tests.Training;

/// <summary>Whole runs from a feature file: every mistake a user can make is one clear <see cref="GenreException"/>.</summary>
[Collection(TorchCollection.Name)]
public sealed class TrainingJobTests : IDisposable
{
    private static readonly string[] Genres = ["a", "b"];

    private readonly string root = Directory.CreateTempSubdirectory("genre-job-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static TrainingOptions Quick => new() { Epochs = 1, Threads = 1 };

    /// <summary>A valid feature file: <paramref name="clips"/> clips of 10 random segments, alternating genres.</summary>
    private string FeatureFile(int clips = 10)
    {
        var random = new Random(1);
        var n = clips * 10;
        var mfcc = new float[n * 130 * 13];
        for (var i = 0; i < mfcc.Length; i++)
        {
            mfcc[i] = (float)random.NextDouble();
        }

        var tracks = Enumerable.Range(0, n).Select(i => $"{Genres[i / 10 % 2]}.{i / 10:D5}").ToArray();
        var path = Path.Combine(root, "features.npz");
        new FeatureSet(mfcc, [.. Enumerable.Range(0, n).Select(i => (long)(i / 10 % 2))], Genres, tracks,
            [.. Enumerable.Range(0, n).Select(i => (long)(i % 10))], 130, 13).Save(path);
        return path;
    }

    private string NpzWith(NpyArray mfcc, long[] labels)
    {
        var path = Path.Combine(root, "bad.npz");
        using var file = File.Create(path);
        NpzArchive.Write(file, [new("mfcc", mfcc), new("labels", NpyArray.FromInt64(labels, labels.Length)), new("mapping", NpyArray.FromStrings(Genres))]);
        return path;
    }

    private T Fails<T>(string features, SplitKind split = SplitKind.Track, TrainingOptions? options = null, string? output = null, string? lists = null)
        where T : GenreException =>
        Should.Throw<T>(() => TrainingJob.Run(new TrainingRequest(features, output ?? Path.Combine(root, "model"), split, options ?? Quick, lists)));

    [Fact]
    public void A_run_writes_a_loadable_model_with_a_complete_card()
    {
        var features = FeatureFile();
        var models = TrainingJob.Run(new TrainingRequest(features, Path.Combine(root, "model"), SplitKind.Track, Quick));
        models.Count.ShouldBe(1);
        using var bundle = GenreModelBundle.Load(Path.Combine(root, "model"));
        bundle.Card.Genres.ShouldBe(Genres);
        bundle.Card.Data!.Sha256.ShouldBe(DataFingerprint.HashFile(features));
        bundle.Card.Data.Segments.ShouldBe(100);
        bundle.Card.Training!.Split.ShouldBe("track");
        bundle.Card.Metrics!.TestClips.ShouldBe(2);
        bundle.Card.Metrics.TestEceAfter.ShouldNotBeNull();
        var report = Path.Combine(root, "model", TrainingJob.ReportFolderName);
        models[0].ReportDirectory.ShouldBe(report);
        foreach (var name in new[] { "classification_report.txt", "confusion_matrix.csv", "metrics.json", "history.csv", "history.json", "confusion_matrix.png", "training_curves.png", "reliability_diagram.png" })
        {
            File.Exists(Path.Combine(report, name)).ShouldBeTrue(name);
        }

        File.ReadAllText(Path.Combine(report, "classification_report.txt")).ShouldContain("20 segments");
    }

    [Fact]
    public void A_missing_feature_file_is_a_dataset_error() =>
        Fails<DatasetException>(Path.Combine(root, "none.npz")).Message.ShouldContain("feature file not found");

    [Fact]
    public void A_corrupt_feature_file_is_a_dataset_error()
    {
        var path = Path.Combine(root, "corrupt.npz");
        File.WriteAllText(path, "this is not a zip");
        Fails<DatasetException>(path).Message.ShouldContain("not a valid .npz");
    }

    [Fact]
    public void Wrongly_shaped_features_are_a_dataset_error() =>
        Fails<DatasetException>(NpzWith(NpyArray.FromFloat32(new float[2 * 100 * 13], 2, 100, 13), [0, 1]))
            .Message.ShouldContain("expected (N, 130, 13)");

    [Fact]
    public void Labels_out_of_range_are_a_dataset_error() =>
        Fails<DatasetException>(NpzWith(NpyArray.FromFloat32(new float[2 * 130 * 13], 2, 130, 13), [0, 2]))
            .Message.ShouldContain("label 2 at segment 1 is out of range");

    [Fact]
    public void An_unwritable_output_folder_fails_before_the_features_are_read()
    {
        var file = Path.Combine(root, "a-file");
        File.WriteAllText(file, "");
        Fails<OutputException>(Path.Combine(root, "none.npz"), output: Path.Combine(file, "model")).Message.ShouldContain("cannot write");
    }

    [Fact]
    public void An_empty_split_is_a_dataset_error()
    {
        var lists = Path.Combine(root, "lists");
        Directory.CreateDirectory(lists);
        File.WriteAllLines(Path.Combine(lists, "train.txt"), ["a/a.00000.wav"]);
        File.WriteAllLines(Path.Combine(lists, "valid.txt"), ["b/b.00001.wav"]);
        File.WriteAllLines(Path.Combine(lists, "test.txt"), ["c/c.00099.wav"]);
        Fails<DatasetException>(FeatureFile(), SplitKind.FaultFiltered, lists: lists).Message.ShouldContain("the test part of the 'fault-filtered' split is empty");
    }

    [Fact]
    public void Cuda_without_a_gpu_is_a_clear_error()
    {
        Assert.SkipWhen(TorchSharp.torch.cuda.is_available(), "this machine has CUDA: the error cannot happen here");
        Fails<TrainingException>(FeatureFile(), options: Quick with { Device = "cuda" }).Message.ShouldContain("CUDA is not available");
    }

    [Theory]
    [InlineData(0, 32, "--epochs")]
    [InlineData(1, 0, "--batch-size")]
    public void Impossible_options_are_refused(int epochs, int batch, string option) =>
        Fails<TrainingException>(FeatureFile(), options: Quick with { Epochs = epochs, BatchSize = batch }).Message.ShouldContain(option);

    [Fact]
    public void Artist_folds_write_one_model_per_fold()
    {
        var csv = Path.Combine(root, "folds.csv");
        File.WriteAllLines(csv, ["clip,genre,fold", .. Enumerable.Range(0, 12).Select(c => $"{Genres[c % 2]}.{c:D5},{Genres[c % 2]},{1 + (c / 2 % 3)}")]);
        var models = TrainingJob.Run(new TrainingRequest(FeatureFile(12), Path.Combine(root, "cv"), SplitKind.Artist3Fold, Quick, csv));
        models.Select(m => Path.GetFileName(m.Directory)).ShouldBe(["fold-1", "fold-2", "fold-3"]);
        foreach (var m in models)
        {
            using var bundle = GenreModelBundle.Load(m.Directory);
            bundle.Card.Metrics!.TestClips.ShouldBe(4);
        }
    }
}
