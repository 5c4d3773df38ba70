using Genre.Data;
using Genre.Model;

namespace Genre.Inference;

/// <summary>
/// The genre CNN for inference, run by ONNX Runtime from a graph built in memory from the model folder. Nothing on
/// this path touches a TorchSharp type (<see cref="ModelFolder"/>, <see cref="CnnLayout"/> and the builder are
/// TorchSharp-free), so libtorch is never loaded: a cold start costs ORT's ~0.1 s instead of libtorch's much more.
/// Thread-safe: one <see cref="OrtSession"/> is shared and ORT's Run may be called concurrently.
/// </summary>
internal sealed class OnnxGenreNetwork : IDisposable
{
    private static readonly string[] OutputNames = [OnnxGraphBuilder.OutputName];

    private readonly byte[] _model;
    private readonly OrtSession _session;
    private bool _disposed;

    private OnnxGenreNetwork(ModelCard card, byte[] model)
    {
        Card = card;
        _model = model;
        // One 30 s file is 10 segments, about a millisecond of work: waking a second thread costs about as much as it
        // saves on a 2-core box, idle pool threads spin and steal the other core, and callers that need throughput
        // run files in parallel instead.
        _session = new OrtSession(model, intraOpThreads: 1);
    }

    public ModelCard Card { get; }

    public int Classes => Card.Genres.Count;

    /// <summary>Reads and cross-checks a model folder of the MFCC CNN kind; every problem is a <see cref="ModelFileException"/> naming the file.</summary>
    public static OnnxGenreNetwork Load(string modelDirectory)
    {
        var (card, tensors) = ModelFolder.Read(modelDirectory, Kinds.ModelKinds.MfccCnn);
        return Create(card, tensors);
    }

    /// <summary>The network of a card and weights that have passed the MFCC CNN kind's checks.</summary>
    internal static OnnxGenreNetwork Create(ModelCard card, IReadOnlyDictionary<string, SafeTensor> tensors) =>
        FromGraph(card, OnnxGraphBuilder.Build(tensors, card.Genres.Count));

    /// <summary>
    /// Any network over MFCC segments (the CRNN too) whose graph takes <see cref="OnnxGraphBuilder.InputName"/>
    /// (batch, 1, frames, coefficients) and gives <see cref="OnnxGraphBuilder.OutputName"/> (batch, genres).
    /// </summary>
    internal static OnnxGenreNetwork FromGraph(ModelCard card, byte[] model) => new(card, model);

    /// <summary>Segments per ONNX Runtime call.</summary>
    internal const int MaxBatch = 64;

    /// <summary>
    /// Logits of <paramref name="count"/> segments given row-major as count x frames x coefficients floats;
    /// returns count x <see cref="Classes"/> floats.
    /// </summary>

    public float[] Logits(ReadOnlySpan<float> segments, int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        const int segmentSize = CnnLayout.Frames * CnnLayout.Coefficients;
        if (segments.Length != (long)count * segmentSize)
        {
            throw new ArgumentException($"{count} segments need {(long)count * segmentSize} floats, got {segments.Length}", nameof(segments));
        }

        if (count == 0)
        {
            return [];
        }

        // Bounded batches: ORT's activations grow with the batch (conv1 alone is 216 KB per segment), and a full-track
        // timeline of an hour is 1,200 segments.
        var logits = new float[count * Classes];
        for (var start = 0; start < count; start += MaxBatch)
        {
            var batch = Math.Min(MaxBatch, count - start);
            RunBatch(segments.Slice(start * segmentSize, batch * segmentSize), batch, logits.AsSpan(start * Classes, batch * Classes));
        }

        return logits;
    }

    private void RunBatch(ReadOnlySpan<float> segments, int count, Span<float> logits)
    {
        using var outputs = _session.Run(OnnxGraphBuilder.InputName, segments, [count, 1, CnnLayout.Frames, CnnLayout.Coefficients], OutputNames);
        outputs[0].GetTensorDataAsSpan<float>().CopyTo(logits);
    }

    /// <summary>Writes the graph as a standalone .onnx file (atomically), for other runtimes or inspection.</summary>
    public void ExportOnnx(string path)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        AtomicFile.Write(path, stream => stream.Write(_model));
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _session.Dispose();
    }
}
