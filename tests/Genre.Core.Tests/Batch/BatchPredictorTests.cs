using Genre.Audio;
using Genre.Batch;
using Genre.Core.Tests.TestSupport;
using Genre.Inference;
using Shouldly;

namespace Genre.Core.Tests.Batch;

/// <summary>
/// The batch pipeline gives each file exactly what <see cref="GenreClassifier.Predict(string, PredictionOptions?, CancellationToken)"/>
/// gives it, for both shipped kinds, in input order whatever the workers, with bad files as error rows and never more
/// files in flight than its capacity.
/// </summary>
public sealed class BatchPredictorTests : IDisposable
{
    /// <summary>Windows of several files share one ORT call here, one file's alone in Predict: the float sums may differ in the last bits.</summary>
    private const float ProbabilityTolerance = 1e-5f;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string ModelFolder(string name) => Path.Combine(TestPaths.RepositoryRoot, "models", name);

    private List<BatchInput> Inputs()
    {
        var clips = new[] { "blues.00000", "classical.00001", "metal.00002", "jazz.00003", "pop.00004", "reggae.00005" }
            .Select(TestPaths.SampleClip).ToList();
        var corrupt = _dir.File("corrupt.wav");
        File.WriteAllBytes(corrupt, [.. File.ReadAllBytes(clips[0]).Take(30)]);
        var silence = _dir.File("silence.wav");
        AudioFileWriter.Write(silence, new short[22050 * 4], 22050, 1, AudioFileFormat.WavPcm16);
        string[] paths = [clips[0], corrupt, clips[1], _dir.File("missing.wav"), clips[2], silence, .. clips[3..]];
        return [.. paths.Select((p, i) => new BatchInput($"track-{i}", p))];
    }

    [Theory]
    [InlineData("default")]
    [InlineData("gtzan-cnn")]
    public async Task Each_result_is_what_Predict_gives_that_file_in_input_order(string model)
    {
        using var classifier = GenreClassifier.Load(ModelFolder(model));
        var inputs = Inputs();
        var options = new PredictionOptions { Tags = 3 };
        var predictor = new BatchPredictor(classifier, new BatchOptions { Workers = 3, Capacity = 4, BatchWindows = 16, Prediction = options });

        var results = await Collect(predictor.PredictAsync(inputs, TestContext.Current.CancellationToken));

        results.Select(r => r.Input).ShouldBe(inputs);
        results.Select(r => r.Index).ShouldBe(Enumerable.Range(0, inputs.Count).Select(i => (long)i));
        foreach (var result in results)
        {
            GenrePrediction expected;
            try
            {
                expected = classifier.Predict(result.Input.Path, options, TestContext.Current.CancellationToken);
            }
            catch (Exception e) when (InputFailure.Is(e))
            {
                result.Prediction.ShouldBeNull();
                result.Error.ShouldBe(InputFailure.Describe(e, result.Input.Path));
                continue;
            }

            result.Error.ShouldBeNull();
            var actual = result.Prediction.ShouldNotBeNull();
            actual.Genre.ShouldBe(expected.Genre, result.Input.Path);
            actual.Confidence.ShouldBe(expected.Confidence, ProbabilityTolerance);
            actual.IsSilent.ShouldBe(expected.IsSilent);
            actual.Duration.ShouldBe(expected.Duration);
            actual.Window.ShouldBe(expected.Window);
            actual.Probabilities.Select(p => p.Genre).ShouldBe(expected.Probabilities.Select(p => p.Genre));
            actual.Probabilities.Zip(expected.Probabilities).ShouldAllBe(p => Math.Abs(p.First.Probability - p.Second.Probability) <= ProbabilityTolerance);
            actual.Segments.Count.ShouldBe(expected.Segments.Count);
            (actual.MusicProbability ?? -1).ShouldBe(expected.MusicProbability ?? -1, ProbabilityTolerance);
            actual.OtherSound?.Tag.ShouldBe(expected.OtherSound?.Tag);
            actual.Tags.Select(t => t.Tag).ShouldBe(expected.Tags.Select(t => t.Tag));
        }

        results.Count(r => r.Error is not null).ShouldBe(2, "the corrupt and the missing file");
        results.Single(r => r.Input.Path.EndsWith("silence.wav", StringComparison.Ordinal)).Prediction!.IsSilent.ShouldBeTrue();
    }

    [Fact]
    public async Task Order_holds_and_files_in_flight_never_exceed_the_capacity_with_many_workers()
    {
        using var classifier = GenreClassifier.Load(ModelFolder("gtzan-cnn"));
        var clips = Directory.GetFiles(Path.Combine(TestPaths.GtzanSampleClips, "rock")).Order(StringComparer.Ordinal).Take(5).ToArray();
        // Short and long files interleaved, and failures among them, so later files finish before earlier ones.
        var inputs = Enumerable.Range(0, 60)
            .Select(i => new BatchInput($"{i}", i % 7 == 3 ? _dir.File($"missing-{i}.wav") : clips[i % clips.Length]))
            .ToList();
        const int capacity = 5;
        var predictor = new BatchPredictor(classifier, new BatchOptions { Workers = 4, Capacity = capacity, BatchWindows = 32 });
        var read = 0;
        var maxAhead = 0L;
        var results = new List<BatchResult>();

        await foreach (var result in predictor.PredictAsync(Counted(), TestContext.Current.CancellationToken))
        {
            results.Add(result);
            // Inputs read but not yet returned: the pipeline's whole holding, as the caller sees it.
            maxAhead = Math.Max(maxAhead, Volatile.Read(ref read) - results.Count);
        }

        results.Select(r => r.Input.Id).ShouldBe(inputs.Select(i => i.Id));
        results.Where(r => r.Error is not null).Select(r => r.Input.Id).ShouldBe(inputs.Where(i => i.Path.Contains("missing", StringComparison.Ordinal)).Select(i => i.Id));
        predictor.PeakInFlight.ShouldBeInRange(2, capacity);
        maxAhead.ShouldBeLessThanOrEqualTo(capacity + 1, "the producer reads one input before it waits for room");

        IEnumerable<BatchInput> Counted()
        {
            foreach (var input in inputs)
            {
                Interlocked.Increment(ref read);
                yield return input;
            }
        }
    }

    [Fact]
    public async Task Cancelling_stops_the_batch_with_OperationCanceledException()
    {
        using var classifier = GenreClassifier.Load(ModelFolder("gtzan-cnn"));
        var clip = TestPaths.SampleClip("blues.00000");
        var predictor = new BatchPredictor(classifier, new BatchOptions { Workers = 2, Capacity = 4 });
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in predictor.PredictAsync(Enumerable.Repeat(new BatchInput("x", clip), 1_000), cancel.Token))
            {
                if (++seen == 3)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        seen.ShouldBe(3);
    }

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
