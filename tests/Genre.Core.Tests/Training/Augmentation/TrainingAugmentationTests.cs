using Genre.Core.Tests.TestSupport;
using Genre.Data;
using Genre.Features;
using Genre.Model;
using Genre.Training;
using Genre.Training.Augmentation;
using Shouldly;

namespace Genre.Core.Tests.Training.Augmentation;

/// <summary>Augmentation inside training: only training clips, each row its own clip's segment, and reproducible runs.</summary>
[Collection(TorchCollection.Name)]
public sealed class TrainingAugmentationTests
{
    /// <summary>The sample's track split with three training clips (one per genre of the first three), to keep decoding cheap.</summary>
    private static (FeatureSet Features, DataSplit Split, string[] TrainTracks) SmallSplit()
    {
        var features = SampleFeatures.Features;
        var track = DatasetSplits.ByTrack(features, seed: 42);
        var tracks = track.Train.Select(i => features.Tracks[i]).Distinct().Take(3).ToArray();
        var train = track.Train.Where(i => tracks.Contains(features.Tracks[i])).ToArray();
        return (features, track with { Train = train }, tracks);
    }

    [Fact]
    public void Only_training_clips_are_decoded_and_each_training_row_is_its_own_clips_segment()
    {
        var (features, split, tracks) = SmallSplit();
        var audio = TrainingAudio.Load(TestPaths.GtzanSample, tracks, MfccSettings.Gtzan, threads: 2);
        audio.Clips.Keys.Order().ShouldBe(tracks.Order());
        var held = split.Validation.Concat(split.Test).Select(i => features.Tracks[i]).ToHashSet();
        held.Overlaps(audio.Clips.Keys).ShouldBeFalse("no validation or test clip is augmented");

        // A 0 dB gain leaves the audio as it is: the augmented rows must then be the feature file's training rows.
        var identity = new AugmentationSettings { Transforms = [AugmentationSettings.Gain], GainDb = 0, Seed = 1 };
        var augmentation = WaveformAugmentation.For(identity, features, split, audio, threads: 2).ShouldNotBeNull();
        var rows = augmentation.Features(epoch: 1, CancellationToken.None);
        var size = features.SegmentSize;
        for (var position = 0; position < split.Train.Length; position++)
        {
            Golden.AssertClose(rows.AsSpan(position * size, size), features.Segment(split.Train[position]), 1e-3f, $"row {position}");
        }
    }

    [Fact]
    public void Waveform_augmentation_repeats_for_an_epoch_and_differs_between_epochs()
    {
        var (features, split, tracks) = SmallSplit();
        var audio = TrainingAudio.Load(TestPaths.GtzanSample, tracks, MfccSettings.Gtzan, threads: 2);
        var settings = new AugmentationSettings { Transforms = AugmentationSettings.WaveformTransforms, Seed = 5 };
        var augmentation = WaveformAugmentation.For(settings, features, split, audio, threads: 2).ShouldNotBeNull();
        var first = augmentation.Features(1, CancellationToken.None);
        WaveformAugmentation.For(settings, features, split, audio, threads: 1)!.Features(1, CancellationToken.None).ShouldBe(first);
        augmentation.Features(2, CancellationToken.None).ShouldNotBe(first);
    }

    [Fact]
    public void Waveform_augmentation_without_the_audio_is_refused()
    {
        var (features, split, _) = SmallSplit();
        var options = new TrainingOptions { Epochs = 1, Threads = 1, Augmentation = new AugmentationSettings { Transforms = [AugmentationSettings.Noise] } };
        Should.Throw<TrainingException>(() => Trainer.Train(features, split, options)).Message.ShouldContain("--data");
    }

    [Fact]
    public void The_cnn_with_spectrogram_augmentation_gives_byte_identical_files_for_a_seed_records_it_and_changes_the_weights()
    {
        using var temp = new TempDirectory();
        var augmentation = new AugmentationSettings { Transforms = [AugmentationSettings.SpecAugment, AugmentationSettings.Mixup] };
        (byte[] Weights, ModelCard Card) Train(string name, int seed, AugmentationSettings? settings)
        {
            var options = new TrainingOptions { Epochs = 2, Threads = 1, Seed = seed, Augmentation = settings };
            var model = TrainingJob.Run(new TrainingRequest(SampleFeatures.Path, temp.File(name), SplitKind.Track, options))[0];
            return (File.ReadAllBytes(Path.Combine(model.Directory, ModelFolder.WeightsFileName)), model.Card);
        }

        var (first, card) = Train("a", 3, augmentation);
        card.Augmentation.ShouldNotBeNull().Transforms.ShouldBe([AugmentationSettings.SpecAugment, AugmentationSettings.Mixup]);
        card.Augmentation.Seed.ShouldBe(3);
        var read = ModelCard.FromJson(File.ReadAllText(temp.Combine("a", ModelFolder.CardFileName))).Augmentation.ShouldNotBeNull();
        (read with { Transforms = card.Augmentation.Transforms }).ShouldBe(card.Augmentation, "the card round-trips");
        read.Transforms.ShouldBe(card.Augmentation.Transforms);
        Train("b", 3, augmentation).Weights.ShouldBe(first);
        Train("c", 4, augmentation).Weights.ShouldNotBe(first);
        var (plain, plainCard) = Train("d", 3, null);
        plain.ShouldNotBe(first);
        plainCard.Augmentation.ShouldBeNull();
    }
}
