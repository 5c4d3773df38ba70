using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Genre.Core.Tests.TestSupport;
using Genre.Model;
using Genre.Training;
using Genre.Training.Torch;
using static TorchSharp.torch.nn;
using static TorchSharp.torch;

namespace Genre.Benchmarks;

/// <summary>
/// One training epoch over 5,991 random segments of the real shape (the original split's training part) on two
/// threads, the figure PyTorch does in 5.5 s: <see cref="GenreCnn"/> (channels-last, pool before ReLU) against the
/// same network as the original wrote it (<see cref="OriginalLayoutCnn"/>), starting from the same weights.
/// [GlobalSetup] first checks that both give the same first-batch loss and gradients under the same dropout seed.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class TrainingBenchmarks
{
    private const int Segments = 5991;
    private const int BatchSize = 32;
    private const int Classes = 10;

    private Tensor _x = null!;
    private Tensor _y = null!;
    private long[] _order = null!;
    private readonly List<IDisposable> _owned = [];
    private EpochTrainer _genreCnn = null!;
    private EpochTrainer _original = null!;

    [GlobalSetup]
    public void Setup()
    {
        set_num_threads(2);
        var random = new Random(1);
        _x = tensor([.. Enumerable.Range(0, Segments * CnnLayout.Frames * CnnLayout.Coefficients).Select(_ => (float)(random.NextDouble() * 200) - 100)],
            [Segments, 1, CnnLayout.Frames, CnnLayout.Coefficients]);
        _y = tensor([.. Enumerable.Range(0, Segments).Select(_ => (long)random.Next(Classes))]);
        _order = [.. Enumerable.Range(0, Segments).Select(i => (long)i)];
        random.Shuffle(_order);

        manual_seed(5);
        var model = new GenreCnn(Classes);
        var original = OriginalLayoutCnn.CopyOf(model);
        CheckFirstBatch(model, original);
        _genreCnn = Trainer(model);
        _original = Trainer(original);
    }

    [Benchmark(Baseline = true, Description = "original layout: one epoch, 5,991 segments, batch 32, 2 threads")]
    public double Original() => _original.Run(_x, _order, 1, CancellationToken.None).Loss;

    [Benchmark(Description = "GenreCnn: one epoch, 5,991 segments, batch 32, 2 threads")]
    public double GenreCnn() => _genreCnn.Run(_x, _order, 1, CancellationToken.None).Loss;

    [GlobalCleanup]
    public void Cleanup()
    {
        _owned.ForEach(o => o.Dispose());
        _x.Dispose();
        _y.Dispose();
    }

    private EpochTrainer Trainer(Module<Tensor, Tensor> model)
    {
        var optimizer = new SafeAdam(model.parameters(), 1e-4);
        _owned.Add(optimizer);
        _owned.Add(model);
        return new EpochTrainer(model, optimizer, _y, BatchSize);
    }

    private void CheckFirstBatch(GenreCnn model, Module<Tensor, Tensor> original)
    {
        using var scope = NewDisposeScope();
        var batch = tensor(_order[..BatchSize]);
        var (inputs, labels) = (_x.index_select(0, batch), _y.index_select(0, batch));
        model.train();
        original.train();
        manual_seed(11);
        var expected = functional.cross_entropy(original.call(inputs), labels);
        expected.backward();
        manual_seed(11);
        var actual = functional.cross_entropy(model.call(inputs), labels);
        actual.backward();
        if (Math.Abs(actual.item<float>() - expected.item<float>()) > 1e-5)
        {
            throw new InvalidOperationException($"GenreCnn's first-batch loss {actual.item<float>()} differs from the original layout's {expected.item<float>()}");
        }

        var originalGradients = original.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad!);
        foreach (var (name, parameter) in model.named_parameters())
        {
            var error = OriginalLayoutCnn.RelativeError(parameter.grad!, originalGradients[name]);
            if (error > 1e-3f)
            {
                throw new InvalidOperationException($"GenreCnn's gradient of {name} differs from the original layout's by {error:P3} of its norm");
            }
        }

        model.zero_grad();
        original.zero_grad();
    }
}
