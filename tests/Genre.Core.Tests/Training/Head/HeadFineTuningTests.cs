using Genre.Core.Tests.TestSupport;
using Genre.Inference;
using Genre.Kinds;
using Genre.Kinds.AudioSet;
using Genre.Kinds.AudioSetHead;
using Genre.Model;
using Genre.Training;
using Genre.Training.Head;
using Shouldly;
using static TorchSharp.torch;

namespace Genre.Core.Tests.Training.Head;

/// <summary>
/// <c>--fine-tune</c> on real extracted embeddings: the folder carries a tuned copy of the last blocks that prediction
/// runs (ONNX branch = TorchSharp module), AudioSet's own outputs stay the pretrained network's, runs repeat to the
/// byte, and the audio must be the audio the embeddings came from.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class HeadFineTuningTests(SampleEmbeddings sample) : IClassFixture<SampleEmbeddings>
{
    private static readonly HeadTrainingOptions Options = new()
    {
        Epochs = 20, Seed = 2, Threads = 1, FineTuneBlocks = 2, FineTuneEpochs = 3, FineTuneLearningRate = 0.001,
    };

    private TrainedModel Train(string name, HeadTrainingOptions options, string? data) =>
        HeadTrainingJob.Run(new HeadTrainingRequest(sample.EmbeddingsPath, sample.Folder(name), SplitKind.Track, options, SampleEmbeddings.BaseModel)
        {
            DataDirectory = data,
        }, cancellationToken: TestContext.Current.CancellationToken)[0];

    [Fact]
    public void The_tuned_copy_gives_the_embedding_and_the_pretrained_path_the_logits_as_the_torchsharp_module_computes_them()
    {
        var model = Train("tuned", Options, sample.Data);
        var (card, tensors) = ModelFolder.Read(model.Directory, ModelKinds.AudioSetHead);
        var (network, tuned, _) = AudioSetHeadKind.Split(tensors);
        var (_, pretrained) = ModelFolder.Read(SampleEmbeddings.BaseModel, ModelKinds.AudioSet);

        var record = card.Head!.FineTune.ShouldNotBeNull();
        record.FirstFeature.ShouldBe(15);
        record.BestEpoch.ShouldBeGreaterThan(0, "this seed's fine-tuning beats the frozen head on validation, so the folder must hold the tuned copy");
        record.ValidationLossAfter.ShouldBeLessThan(record.ValidationLossBefore);
        tuned.Keys.Order(StringComparer.Ordinal).ShouldBe(EfficientAtLayout.TunedStateDict(15).Keys.Order(StringComparer.Ordinal));
        foreach (var (name, tensor) in network)
        {
            tensor.Data.ShouldBe(pretrained[name].Data, $"{name}: the pretrained network is copied unchanged");
        }

        tuned.Any(t => !t.Value.Data.SequenceEqual(pretrained[t.Key[EfficientAtLayout.TunedPrefix.Length..]].Data)).ShouldBeTrue("fine-tuning changed the copy");

        const int count = 2;
        var windows = AudioSetReference.RandomWindows(count, seed: 5);
        using var plain = EfficientAtOnnxNetwork.Create(network);
        using var branched = EfficientAtOnnxNetwork.Create(network, tuned: tuned);
        var (plainLogits, plainEmbeddings) = plain.Run(windows, count);
        var (logits, embeddings) = branched.Run(windows, count);
        logits.ShouldBe(plainLogits, "tags and the music verdict keep the pretrained path");
        embeddings.ShouldNotBe(plainEmbeddings);

        using var module = new EfficientAtNetwork();
        module.Import(network.Concat(tuned.Select(t => KeyValuePair.Create(t.Key[EfficientAtLayout.TunedPrefix.Length..], t.Value)))
            .GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value), null);
        module.eval();
        using var noGrad = no_grad();
        using var input = tensor(windows, [count, 1, 128, 1000]);
        var (_, embedding) = module.call(input);
        using (embedding)
        {
            Golden.AssertClose(embedding.data<float>().ToArray(), embeddings, 1e-4f, "tuned embedding");
        }
    }

    [Fact]
    public void The_classifier_runs_the_tuned_folder_and_the_same_seed_and_threads_give_the_same_bytes()
    {
        var first = Train("first", Options, sample.Data).Directory;
        var second = Train("second", Options, sample.Data).Directory;

        File.ReadAllBytes(Path.Combine(second, ModelFolder.WeightsFileName)).ShouldBe(File.ReadAllBytes(Path.Combine(first, ModelFolder.WeightsFileName)));
        using var classifier = GenreClassifier.Load(first);
        foreach (var file in sample.Set.Files)
        {
            classifier.Predict(Path.Combine(sample.Data, file.RelativePath)).Genre.ShouldBe(file.Label);
        }
    }

    [Fact]
    public void Mixup_in_fine_tuning_is_recorded_repeats_to_the_byte_and_trains_something_else()
    {
        var mixup = Options with { FineTuneMixupAlpha = 0.2 };

        var first = Train("mixup-1", mixup, sample.Data);
        var second = Train("mixup-2", mixup, sample.Data);
        var plain = Train("plain", Options, sample.Data);

        first.Card.Head!.FineTune!.MixupAlpha.ShouldBe(0.2);
        plain.Card.Head!.FineTune!.MixupAlpha.ShouldBeNull();
        var weights = File.ReadAllBytes(Path.Combine(first.Directory, ModelFolder.WeightsFileName));
        File.ReadAllBytes(Path.Combine(second.Directory, ModelFolder.WeightsFileName)).ShouldBe(weights);
        File.ReadAllBytes(Path.Combine(plain.Directory, ModelFolder.WeightsFileName)).ShouldNotBe(weights);
        Should.Throw<TrainingException>(() => Train("mixup-frozen", mixup with { FineTuneBlocks = 0 }, sample.Data)).Message.ShouldContain("add --fine-tune");
    }

    [Fact]
    public void Without_the_audio_or_with_other_audio_fine_tuning_is_refused_naming_what_to_give()
    {
        Should.Throw<TrainingException>(() => Train("no-data", Options, data: null)).Message.ShouldContain("add --data DIR");

        // The folder with one clip missing, then with one clip replaced by another recording.
        using var other = new TempDirectory();
        foreach (var file in sample.Set.Files)
        {
            var target = other.File(file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(sample.Data, file.RelativePath), target);
        }

        var changed = sample.Set.Files[0].RelativePath;
        File.Delete(other.File(changed));
        var missing = Should.Throw<DatasetException>(() => Train("missing", Options, other.Path));
        missing.Message.ShouldContain(Path.GetFileName(changed));
        missing.Message.ShouldContain("is in the embeddings but not in");

        File.Copy(Path.Combine(sample.Data, sample.Set.Files[^1].RelativePath), other.File(changed));
        var replaced = Should.Throw<DatasetException>(() => Train("replaced", Options, other.Path));
        replaced.Message.ShouldContain(Path.GetFileName(changed));
        replaced.Message.ShouldContain("gives other embeddings");
        Directory.Exists(sample.Folder("replaced")).ShouldBeFalse("nothing is written for a refused run");
    }

    [Fact]
    public void A_tuned_copy_the_card_does_not_declare_is_refused_naming_the_weights()
    {
        var folder = Train("undeclared", Options, sample.Data).Directory;
        var card = Path.Combine(folder, ModelFolder.CardFileName);
        var json = File.ReadAllText(card);
        File.WriteAllText(card, json.Replace("\"first_feature\": 15", "\"first_feature\": 14", StringComparison.Ordinal));

        var e = Should.Throw<ModelFileException>(() => GenreClassifier.Load(folder));

        e.Message.ShouldContain(ModelFolder.WeightsFileName);
        e.Message.ShouldContain("features.15 on fine-tuned");
    }
}
