using Genre.Core.Tests.TestSupport;
using Genre.Evaluation;
using Genre.Inference;
using Genre.Kinds;
using Genre.Kinds.AudioSetHead;
using Genre.Model;
using Genre.Training;
using Genre.Training.Head;
using Shouldly;

namespace Genre.Core.Tests.Training.Head;

/// <summary>Heads trained on real extracted embeddings: reproducible to the byte, and predicting through the classifier exactly what they compute on the file's embeddings.</summary>
public sealed class HeadTrainingJobTests(SampleEmbeddings sample) : IClassFixture<SampleEmbeddings>
{
    private IReadOnlyList<TrainedModel> Train(string name, HeadTrainingOptions options, SplitKind split = SplitKind.Track) =>
        HeadTrainingJob.Run(new HeadTrainingRequest(sample.EmbeddingsPath, sample.Folder(name), split, options, SampleEmbeddings.BaseModel),
            cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void Same_seed_and_threads_give_byte_identical_model_files_and_another_seed_does_not()
    {
        var options = new HeadTrainingOptions { Head = EmbeddingHead.Mlp, HiddenUnits = 16, Epochs = 20, Seed = 3, Threads = 1 };

        var first = Train("first", options)[0].Directory;
        var second = Train("second", options)[0].Directory;
        var other = Train("other", options with { Seed = 4 })[0].Directory;

        var weights = File.ReadAllBytes(Path.Combine(first, ModelFolder.WeightsFileName));
        File.ReadAllBytes(Path.Combine(second, ModelFolder.WeightsFileName)).ShouldBe(weights);
        File.ReadAllBytes(Path.Combine(other, ModelFolder.WeightsFileName)).ShouldNotBe(weights);
        // The card differs only in its creation time.
        static string[] Card(string folder) => [.. File.ReadAllLines(Path.Combine(folder, ModelFolder.CardFileName)).Where(l => !l.Contains("\"created\"", StringComparison.Ordinal))];
        Card(second).ShouldBe(Card(first));
        File.ReadAllBytes(Path.Combine(second, "report", "metrics.json")).ShouldBe(File.ReadAllBytes(Path.Combine(first, "report", "metrics.json")));
    }

    [Fact]
    public void The_classifier_predicts_what_the_head_computes_on_the_extracted_embeddings()
    {
        var model = Train("parity", new HeadTrainingOptions { Seed = 1, Threads = 1 })[0];
        var (card, tensors) = ModelFolder.Read(model.Directory, ModelKinds.AudioSetHead);
        var head = EmbeddingHead.FromTensors(tensors.Where(t => t.Key.StartsWith(EmbeddingHead.Prefix, StringComparison.Ordinal)).ToDictionary());
        using var classifier = GenreClassifier.Load(model.Directory);

        card.Kind.ShouldBe(ModelKinds.AudioSetHead);
        classifier.Genres.ShouldBe(["classical", "metal"]);
        foreach (var file in sample.Set.Files)
        {
            var path = Path.Combine(sample.Data, file.RelativePath);
            var expected = head.Logits(file.Embeddings, file.Count);

            var (_, windows, outputs) = classifier.Score(path, PredictionOptions.Default, TestContext.Current.CancellationToken);
            var prediction = classifier.Predict(path);

            windows.Select(w => (long)w).ShouldBe(file.Windows);
            outputs.GenreLogits.ShouldBe(expected);
            var calibrated = GenreCalibration.Probabilities(expected, 2, card.Temperature, card.GenreBias);
            prediction.Probabilities.Select(p => p.Probability).ShouldBe(TrackProbabilities.Mean(calibrated, file.Silent, 2)!);
            prediction.Genre.ShouldBe(file.Label);
        }
    }

    [Fact]
    public void Stratified_5fold_writes_one_model_per_fold_each_testing_other_clips()
    {
        var models = Train("folds", new HeadTrainingOptions { Epochs = 5, Threads = 1 }, SplitKind.Stratified5Fold);

        models.Select(m => Path.GetFileName(m.Directory)).ShouldBe(["fold-1", "fold-2", "fold-3", "fold-4", "fold-5"]);
        var tested = models.SelectMany(m => m.Split.Test.Select(i => sample.Set.Tracks[i]).Distinct()).ToList();
        tested.Count.ShouldBe(10);
        tested.Distinct().Count().ShouldBe(10);
        models.ShouldAllBe(m => m.Card.Head!.MusicGate);
    }

    [Fact]
    public void A_card_that_lists_more_labels_than_the_head_has_outputs_is_refused_naming_the_weights()
    {
        var folder = Train("mismatch", new HeadTrainingOptions { Epochs = 2, Threads = 1 })[0].Directory;
        var card = Path.Combine(folder, ModelFolder.CardFileName);
        File.WriteAllText(card, File.ReadAllText(card).Replace("\"metal\"", "\"metal\", \"jazz\"", StringComparison.Ordinal));

        var e = Should.Throw<ModelFileException>(() => GenreClassifier.Load(folder));

        e.Message.ShouldContain(ModelFolder.WeightsFileName);
        e.Message.ShouldContain("tensor 'head.output.");
        e.Message.ShouldContain("the model needs F32 [3");
    }
}
