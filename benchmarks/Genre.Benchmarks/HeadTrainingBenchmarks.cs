using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Genre.Data.Embeddings;
using Genre.Kinds.AudioSetHead;
using Genre.Training;
using Genre.Training.Head;

namespace Genre.Benchmarks;

/// <summary>
/// Head training on 1,000 files' embeddings (3 windows each), the whole of what <c>genre train --kind audioset-head</c>
/// computes: 100 epochs of Adam and the best epoch's calibration and scores, on the track split. The embeddings are the
/// 103 sample clips' real ones (extracted once in [GlobalSetup] through the shipped network), each of the 1,000 files
/// a randomly chosen clip's windows jittered by Gaussian noise of 0.1 of each dimension's spread, with that clip's label.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class HeadTrainingBenchmarks
{
    private const int Files = 1000;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"genre-head-bench-{Guid.NewGuid():N}");
    private EmbeddingSet _set = null!;
    private DataSplit _split = null!;

    [GlobalSetup]
    public void Setup()
    {
        var shared = SharedData.Locate();
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repository.FullName, "Genre.slnx")))
        {
            repository = repository.Parent ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
        }

        var sample = EmbeddingExtractor.Extract(new EmbeddingExtractionRequest(Path.Combine(shared, "data", "gtzan-sample"), Path.Combine(_dir, "sample.npz"),
            Path.Combine(repository.FullName, "models", "default"))).Set;
        _set = Synthesise(sample, new Random(7));
        _split = DatasetSplits.Make(SplitKind.Track, _set.Tracks, _set.Labels, 42)[0];
    }

    [Benchmark(Baseline = true, Description = "logistic head: 1,000 files x 3 windows, 100 epochs, track split")]
    public double Logistic() => HeadTrainer.Train(_set, _split, new HeadTrainingOptions { Head = EmbeddingHead.Logistic }).Metrics.ValidationLoss;

    [Benchmark(Description = "mlp head (128 hidden): 1,000 files x 3 windows, 100 epochs, track split")]
    public double Mlp() => HeadTrainer.Train(_set, _split, new HeadTrainingOptions { Head = EmbeddingHead.Mlp }).Metrics.ValidationLoss;

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, recursive: true);

    private static EmbeddingSet Synthesise(EmbeddingSet sample, Random random)
    {
        var spread = new double[EmbeddingSet.EmbeddingSize];
        for (var d = 0; d < spread.Length; d++)
        {
            var values = Enumerable.Range(0, sample.Count).Select(i => (double)sample.Embeddings[(i * EmbeddingSet.EmbeddingSize) + d]).ToArray();
            var mean = values.Average();
            spread[d] = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        }

        var files = Enumerable.Range(0, Files).Select(n =>
        {
            var source = sample.Files[random.Next(sample.Files.Count)];
            var embeddings = source.Embeddings.Select((v, i) => (float)(v + (0.1 * spread[i % EmbeddingSet.EmbeddingSize] * Gaussian(random)))).ToArray();
            return source with { RelativePath = $"{source.Label}/copy{n:D4}.wav", Embeddings = embeddings };
        });
        return EmbeddingSet.Create(files, sample.WindowPolicy, sample.Network);
    }

    private static double Gaussian(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
