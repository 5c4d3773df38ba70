using BenchmarkDotNet.Attributes;
using Genre.Audio;
using Genre.Batch;
using Genre.Inference;

namespace Genre.Benchmarks;

/// <summary>
/// The batch pipeline over a folder of 200 generated 30 s wavs (copies of the example song), one process, each shipped
/// model: the time per folder gives files per second (200 / mean). [GlobalSetup] first checks that the pipeline's
/// verdict for the clip is <see cref="GenreClassifier.Predict(string, PredictionOptions?, CancellationToken)"/>'s.
/// Peak memory against the file count is <c>genre bench --batch-only --files N</c>'s measure.
/// </summary>
[MemoryDiagnoser]
public class BatchPredictionBenchmarks
{
    private const int Files = 200;

    private string _folder = null!;
    private GenreClassifier _classifier = null!;
    private List<BatchInput> _inputs = null!;

    [Params("gtzan-cnn", "default")]
    public string Model { get; set; } = "gtzan-cnn";

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("genre-bench-batch-").FullName;
        var clip = Path.Combine(_folder, "0000.wav");
        ExampleSong.Write(clip);
        _inputs = [new BatchInput("0", clip)];
        for (var i = 1; i < Files; i++)
        {
            var copy = Path.Combine(_folder, $"{i:D4}.wav");
            File.Copy(clip, copy);
            _inputs.Add(new BatchInput($"{i}", copy));
        }

        _classifier = GenreClassifier.Load(Path.Combine(SharedData.RepositoryRoot(), "models", Model));
        var single = _classifier.Predict(clip);
        var batched = new BatchPredictor(_classifier).PredictAsync(_inputs.Take(3)).ToBlockingEnumerable().ToList();
        if (batched.Any(r => r.Prediction?.Genre != single.Genre || Math.Abs(r.Prediction!.Confidence - single.Confidence) > 1e-5f))
        {
            throw new InvalidOperationException("the batch pipeline's verdict differs from GenreClassifier.Predict's");
        }
    }

    [Benchmark]
    public int Folder()
    {
        var done = 0;
        foreach (var result in new BatchPredictor(_classifier).PredictAsync(_inputs).ToBlockingEnumerable())
        {
            done += result.Error is null ? 1 : 0;
        }

        return done;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _classifier.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
