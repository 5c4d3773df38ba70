using Genre.Model;
using Genre.Inference;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// The pretrained AudioSet network for inference, run by ONNX Runtime from the graph <see cref="EfficientAtOnnxGraph"/>
/// builds in memory from the weights. Nothing here touches a TorchSharp type, so libtorch is never loaded.
/// Thread-safe: one <see cref="OrtSession"/> is shared and ORT's Run may be called concurrently.
/// </summary>
internal sealed class EfficientAtOnnxNetwork : IDisposable
{
    /// <summary>
    /// Windows per ONNX Runtime call. One window's largest activation (features.2's expansion, 24 x 64 x 500 floats)
    /// is 3 MB, and batching more than a file's few windows gains nothing on one thread.
    /// </summary>
    public const int MaxBatch = 8;

    private static readonly string[] OutputNames = [EfficientAtOnnxGraph.LogitsName, EfficientAtOnnxGraph.EmbeddingName];

    private readonly OrtSession _session;
    private bool _disposed;

    private EfficientAtOnnxNetwork(byte[] model, int classes, int intraOpThreads)
    {
        Classes = classes;
        // A 30 s file is three windows: callers that need throughput run files in parallel, and on a 2-core box a
        // second intra-op thread spins and steals the core another request needs.
        _session = new OrtSession(model, intraOpThreads);
    }

    /// <summary>Logits per window: 527 for the AudioSet weights.</summary>
    public int Classes { get; }

    /// <summary>Floats per embedding (384).</summary>
    public static int EmbeddingSize => EfficientAtLayout.EmbeddingSize;

    /// <summary>Floats per input window: 128 mel bands x 1000 frames, bands first.</summary>
    public static int WindowSize => EfficientAtLayout.WindowSize;

    /// <summary>Reads a safetensors file of PyTorch-named weights; every problem is a <see cref="ModelFileException"/> naming it.</summary>
    public static EfficientAtOnnxNetwork Load(string weightsPath, int classes = EfficientAtLayout.AudioSetClasses, int intraOpThreads = 1) =>
        Create(ModelFolder.ReadWeights(weightsPath), weightsPath, classes, intraOpThreads);

    /// <summary>
    /// Checks the tensors (<paramref name="path"/> only names them in errors) and builds the session; with
    /// <paramref name="tuned"/> (a fine-tuned copy of the last features, <see cref="EfficientAtLayout.TunedPrefix"/>)
    /// the embedding comes from the copy and the logits from the pretrained path.
    /// </summary>
    public static EfficientAtOnnxNetwork Create(IReadOnlyDictionary<string, SafeTensor> tensors, string? path = null, int classes = EfficientAtLayout.AudioSetClasses,
        int intraOpThreads = 1, IReadOnlyDictionary<string, SafeTensor>? tuned = null)
    {
        EfficientAtLayout.CheckWeights(tensors, path, classes);
        var copy = tuned is null ? ((IReadOnlyDictionary<string, SafeTensor>, int)?)null : (tuned, EfficientAtLayout.CheckTuned(tuned, path));
        return new EfficientAtOnnxNetwork(EfficientAtOnnxGraph.Build(tensors, classes, copy), classes, intraOpThreads);
    }

    /// <summary>
    /// Runs <paramref name="count"/> windows given row-major as count x 128 x 1000 floats; returns count x
    /// <see cref="Classes"/> logits and count x <see cref="EmbeddingSize"/> embedding floats.
    /// </summary>
    public (float[] Logits, float[] Embeddings) Run(ReadOnlySpan<float> mels, int count)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (mels.Length != (long)count * WindowSize)
        {
            throw new ArgumentException($"{count} windows need {(long)count * WindowSize} floats, got {mels.Length}", nameof(mels));
        }

        var logits = new float[count * Classes];
        var embeddings = new float[count * EmbeddingSize];
        for (var start = 0; start < count; start += MaxBatch)
        {
            var batch = Math.Min(MaxBatch, count - start);
            RunBatch(mels.Slice(start * WindowSize, batch * WindowSize), batch,
                logits.AsSpan(start * Classes, batch * Classes), embeddings.AsSpan(start * EmbeddingSize, batch * EmbeddingSize));
        }

        return (logits, embeddings);
    }

    private void RunBatch(ReadOnlySpan<float> mels, int count, Span<float> logits, Span<float> embeddings)
    {
        using var outputs = _session.Run(EfficientAtOnnxGraph.InputName, mels, [count, 1, EfficientAtLayout.MelBands, EfficientAtLayout.Frames], OutputNames);
        outputs[0].GetTensorDataAsSpan<float>().CopyTo(logits);
        outputs[1].GetTensorDataAsSpan<float>().CopyTo(embeddings);
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
