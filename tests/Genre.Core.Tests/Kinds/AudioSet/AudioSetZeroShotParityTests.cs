using System.Globalization;
using Genre.Audio;
using Genre.Core.Tests.TestSupport;
using Genre.Data.Numpy;
using Genre.Evaluation;
using Genre.Inference;
using Genre.Kinds.AudioSet;
using Shouldly;

namespace Genre.Core.Tests.Kinds.AudioSet;

/// <summary>
/// The whole AudioSet path as the product runs it (decode, 32 kHz, windows, front end, ONNX network) against the
/// reference implementation: all 527 logits of blues.00000's three windows, the genre logits of every window of all
/// 103 sample clips, and the zero-shot genre of each clip (reference/efficientat/README.md).
/// </summary>
public sealed class AudioSetZeroShotParityTests
{
    private static readonly Lazy<GenreClassifier> s_classifier = new(() => GenreClassifier.Load(Path.Combine(TestPaths.RepositoryRoot, "models", "default")));

    [Fact]
    public void Every_logit_of_blues_00000_is_within_1e_3()
    {
        var signal = AudioLoader.Load(TestPaths.SampleClip("blues.00000"), new AudioLoadOptions { SampleRate = AudioSetFrontEnd.SampleRate });
        var count = AudioSetWindows.Count(signal.Samples.Length);
        count.ShouldBe(3);
        var mels = new float[count * AudioSetFrontEnd.InputLength];
        var padding = new float[AudioSetWindows.WindowSamples];
        for (var w = 0; w < count; w++)
        {
            AudioSetFrontEnd.Shared.Compute(AudioSetWindows.Window(signal.Samples, w, padding), mels.AsSpan(w * AudioSetFrontEnd.InputLength, AudioSetFrontEnd.InputLength));
        }

        using var network = EfficientAtOnnxNetwork.Create(AudioSetReference.Weights);
        var (logits, embeddings) = network.Run(mels, count);

        Golden.AssertClose(logits, Golden.Load(Path.Combine(TestPaths.EfficientAt, "blues.00000.logits.npy")).ToFloat32(), Golden.AudioSetLogitsTolerance, "blues.00000 logits");
        Golden.AssertClose(embeddings, Golden.Load(Path.Combine(TestPaths.EfficientAt, "blues.00000.embedding.npy")).ToFloat32(), Golden.AudioSetEmbeddingTolerance, "blues.00000 embeddings");
    }

    [Fact]
    public void Every_sample_clip_gets_the_reference_genre_logits_and_zero_shot_genre()
    {
        var classifier = s_classifier.Value;
        var genreOutputs = classifier.Card.GenreOutputs!;
        Dictionary<string, NpyArray> golden;
        using (var file = File.OpenRead(Path.Combine(TestPaths.EfficientAt, "sample-window-logits.npz")))
        {
            golden = NpzArchive.Read(file);
        }

        var rows = File.ReadLines(Path.Combine(TestPaths.EfficientAt, "sample-zero-shot.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        rows.Count.ShouldBe(103);
        var scores = ClipScoring.Run(classifier, TestPaths.GtzanSample, PredictionWindow.Full);
        scores.Skipped.ShouldBeEmpty();
        var byTrack = scores.Clips.ToDictionary(c => c.Track);
        var mismatches = new List<string>();
        var worst = 0f;
        foreach (var row in rows)
        {
            var clip = byTrack[row[0]];
            var reference = golden[row[0]].ToFloat32();
            var windows = reference.Length / 527;
            clip.Silent.Length.ShouldBe(windows, $"{row[0]}: windows");
            var expected = Enumerable.Range(0, windows).SelectMany(w => genreOutputs.Select(g => reference[(w * 527) + g])).ToArray();
            worst = Math.Max(worst, Golden.MaxAbsDiff(clip.Logits, expected).Max);

            // Zero-shot rule of the reference: mean sigmoid over windows, the genre with the highest.
            var mean = Enumerable.Range(0, genreOutputs.Count)
                .Select(g => Enumerable.Range(0, windows).Average(w => 1 / (1 + Math.Exp(-clip.Logits[(w * genreOutputs.Count) + g])))).ToArray();
            var zeroShot = classifier.Genres[Array.IndexOf(mean, mean.Max())];
            if (zeroShot != row[2])
            {
                mismatches.Add($"{row[0]}: ours {zeroShot}, reference {row[2]}");
            }

            for (var g = 0; g < genreOutputs.Count; g++)
            {
                mean[g].ShouldBe(double.Parse(row[3 + g], CultureInfo.InvariantCulture), 1e-4, $"{row[0]} score of {classifier.Genres[g]}");
            }
        }

        worst.ShouldBeLessThanOrEqualTo(Golden.AudioSetLogitsTolerance, "largest genre-logit difference over all windows of all clips");
        mismatches.ShouldBeEmpty();
        rows.Count(r => r[1] == r[2]).ShouldBe(74, "the reference's own zero-shot hits, as its README states");
    }
}
