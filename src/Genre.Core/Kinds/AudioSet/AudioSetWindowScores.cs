using System.Buffers;
namespace Genre.Kinds.AudioSet;

/// <summary>
/// The AudioSet network over chosen 10 s windows of a 32 kHz signal: each window's logits over the 527 classes, its
/// 384-d embedding and whether it is digital silence. The AudioSet kind, the head kind and embedding extraction all
/// go through here, so a head is trained on exactly the embeddings prediction later gives it. The steps are apart
/// (<see cref="Featurise"/>, <see cref="Rows"/>, <see cref="FromRows"/>) so the batch pipeline can run the windows of
/// several files in one network call; <see cref="Compute"/> chains them for one track in chunks, so a full timeline of
/// an hour holds a few windows' network inputs at a time, not all of them.
/// </summary>
internal sealed record AudioSetWindowScores(float[] Logits, float[] Embeddings, bool[] Silent)
{
    /// <summary>Windows per front-end-and-network chunk: 8 inputs are 4 MB.</summary>
    public const int Chunk = 8;

    public const int MelSize = AudioSetFrontEnd.InputLength;

    /// <summary>One window's network output as <see cref="Rows"/> lays it out: the logits, then the embedding.</summary>
    public static int RowSize(EfficientAtOnnxNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Classes + EfficientAtOnnxNetwork.EmbeddingSize;
    }

    public int Count => Silent.Length;

    /// <summary>The log-mel inputs of the given windows, and which of them are silence.</summary>
    public static WindowInputs Featurise(ReadOnlySpan<float> samples, IReadOnlyList<int> windows, ArrayPool<float>? pool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(windows);
        var mels = pool?.Rent(windows.Count * MelSize) ?? new float[windows.Count * MelSize];
        var silent = new bool[windows.Count];
        var padding = SignalWindows.Padding(samples.Length, windows, AudioSetFrontEnd.WindowSamples);
        for (var i = 0; i < windows.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var window = SignalWindows.Cut(samples, windows[i], AudioSetFrontEnd.WindowSamples, padding);
            silent[i] = SignalWindows.IsSilent(window);
            AudioSetFrontEnd.Shared.Compute(window, mels.AsSpan(i * MelSize, MelSize));
        }

        return new WindowInputs(mels, silent);
    }

    /// <summary>The network on <paramref name="count"/> windows' inputs: one row of <see cref="RowSize"/> floats per window.</summary>
    public static float[] Rows(EfficientAtOnnxNetwork network, ReadOnlySpan<float> inputs, int count)
    {
        var size = RowSize(network);
        var classes = network.Classes;
        var (logits, embeddings) = network.Run(inputs, count);
        var rows = new float[count * size];
        for (var w = 0; w < count; w++)
        {
            logits.AsSpan(w * classes, classes).CopyTo(rows.AsSpan(w * size));
            embeddings.AsSpan(w * EfficientAtOnnxNetwork.EmbeddingSize, EfficientAtOnnxNetwork.EmbeddingSize).CopyTo(rows.AsSpan((w * size) + classes));
        }

        return rows;
    }

    /// <summary>One track's scores from its rows (as <see cref="Rows"/> lays them out) and silence flags.</summary>
    public static AudioSetWindowScores FromRows(EfficientAtOnnxNetwork network, float[] rows, bool[] silent)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(silent);
        var size = RowSize(network);
        var classes = network.Classes;
        var logits = new float[silent.Length * classes];
        var embeddings = new float[silent.Length * EfficientAtOnnxNetwork.EmbeddingSize];
        for (var w = 0; w < silent.Length; w++)
        {
            rows.AsSpan(w * size, classes).CopyTo(logits.AsSpan(w * classes));
            rows.AsSpan((w * size) + classes, EfficientAtOnnxNetwork.EmbeddingSize).CopyTo(embeddings.AsSpan(w * EfficientAtOnnxNetwork.EmbeddingSize));
        }

        return new AudioSetWindowScores(logits, embeddings, silent);
    }

    public static AudioSetWindowScores Compute(EfficientAtOnnxNetwork network, ReadOnlySpan<float> samples, IReadOnlyList<int> windows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(windows);
        var size = RowSize(network);
        var rows = new float[windows.Count * size];
        var silent = new bool[windows.Count];
        for (var start = 0; start < windows.Count; start += Chunk)
        {
            var count = Math.Min(Chunk, windows.Count - start);
            var chunk = Featurise(samples, [.. windows.Skip(start).Take(count)], pool: null, cancellationToken);
            chunk.Silent.CopyTo(silent, start);
            cancellationToken.ThrowIfCancellationRequested();
            Rows(network, chunk.Inputs, count).CopyTo(rows, start * size);
        }

        return FromRows(network, rows, silent);
    }
}
