using Genre.Core.Tests.TestSupport;
using Genre.Kinds.AudioSet;
using Shouldly;

namespace Genre.Core.Tests.Kinds.AudioSet;

/// <summary>The ONNX Runtime AudioSet network against the reference PyTorch outputs for blues.00000.</summary>
public sealed class EfficientAtOnnxNetworkTests : IDisposable
{
    private readonly EfficientAtOnnxNetwork _network = EfficientAtOnnxNetwork.Create(AudioSetReference.Weights, TestPaths.EfficientAtWeights);

    public void Dispose() => _network.Dispose();

    [Fact]
    public void Window_zero_matches_pytorch()
    {
        var (logits, embeddings) = _network.Run(AudioSetReference.WindowZeroMel(), 1);
        var (logitsDiff, _) = Golden.MaxAbsDiff(logits, AudioSetReference.WindowZeroLogits());
        var (embeddingDiff, _) = Golden.MaxAbsDiff(embeddings, AudioSetReference.WindowZeroEmbedding());
        TestContext.Current.TestOutputHelper?.WriteLine($"ONNX max |diff|: logits {logitsDiff}, embedding {embeddingDiff}");
        Golden.AssertClose(logits, AudioSetReference.WindowZeroLogits(), Golden.AudioSetLogitsTolerance, "logits");
        Golden.AssertClose(embeddings, AudioSetReference.WindowZeroEmbedding(), Golden.AudioSetEmbeddingTolerance, "embedding");
    }

    [Fact]
    public void Windows_past_one_batch_give_what_they_give_alone()
    {
        const int count = EfficientAtOnnxNetwork.MaxBatch + 1;
        var windows = AudioSetReference.RandomWindows(count, seed: 3);
        var (logits, embeddings) = _network.Run(windows, count);
        logits.Length.ShouldBe(count * 527);
        embeddings.Length.ShouldBe(count * 384);
        foreach (var i in new[] { 0, count - 1 })
        {
            var (alone, aloneEmbedding) = _network.Run(windows.AsSpan(i * EfficientAtOnnxNetwork.WindowSize, EfficientAtOnnxNetwork.WindowSize), 1);
            Golden.AssertClose(logits.AsSpan(i * 527, 527), alone, 1e-5f, $"window {i} logits");
            Golden.AssertClose(embeddings.AsSpan(i * 384, 384), aloneEmbedding, 1e-5f, $"window {i} embedding");
        }
    }

    [Fact]
    public void Concurrent_calls_give_the_same_results()
    {
        var window = AudioSetReference.RandomWindows(1, seed: 5);
        var expected = _network.Run(window, 1).Logits;
        var results = new float[4][];
        Parallel.For(0, results.Length, i => results[i] = _network.Run(window, 1).Logits);
        results.ShouldAllBe(r => r.SequenceEqual(expected));
    }

    [Fact]
    public void The_wrong_number_of_floats_is_refused() =>
        Should.Throw<ArgumentException>(() => _network.Run(new float[128_001], 1)).Message.ShouldContain("1 windows need 128000 floats, got 128001");

    [Fact]
    public void No_windows_give_nothing()
    {
        var (logits, embeddings) = _network.Run([], 0);
        logits.ShouldBeEmpty();
        embeddings.ShouldBeEmpty();
    }

    [Fact]
    public void A_missing_weights_file_is_a_model_file_error() =>
        Should.Throw<ModelFileException>(() => EfficientAtOnnxNetwork.Load("/nonexistent/weights.safetensors")).Message.ShouldContain("/nonexistent/weights.safetensors");

    [Fact]
    public void Using_a_disposed_network_is_an_error()
    {
        var network = EfficientAtOnnxNetwork.Create(AudioSetReference.Weights);
        network.Dispose();
        network.Dispose();
        Should.Throw<ObjectDisposedException>(() => network.Run(new float[EfficientAtOnnxNetwork.WindowSize], 1));
    }
}
