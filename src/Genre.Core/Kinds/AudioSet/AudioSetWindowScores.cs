namespace Genre.Kinds.AudioSet;

/// <summary>
/// The AudioSet network over chosen 10 s windows of a 32 kHz signal: each window's logits over the 527 classes, its
/// 384-d embedding and whether it is digital silence. The AudioSet kind, the head kind and embedding extraction all
/// go through here, so a head is trained on exactly the embeddings prediction later gives it. Windows go through in
/// chunks, so a full timeline of an hour holds a few windows' network inputs at a time, not all of them.
/// </summary>
internal sealed record AudioSetWindowScores(float[] Logits, float[] Embeddings, bool[] Silent)
{
    /// <summary>Windows per front-end-and-network chunk: 8 inputs are 4 MB.</summary>
    private const int Chunk = 8;

    private const int MelSize = AudioSetFrontEnd.InputLength;

    public int Count => Silent.Length;

    public static AudioSetWindowScores Compute(EfficientAtOnnxNetwork network, ReadOnlySpan<float> samples, IReadOnlyList<int> windows,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(windows);
        var classes = network.Classes;
        var size = EfficientAtOnnxNetwork.EmbeddingSize;
        var logits = new float[windows.Count * classes];
        var embeddings = new float[windows.Count * size];
        var silent = new bool[windows.Count];
        var mels = new float[Math.Min(Chunk, windows.Count) * MelSize];
        var padding = new float[AudioSetFrontEnd.WindowSamples];
        for (var start = 0; start < windows.Count; start += Chunk)
        {
            var count = Math.Min(Chunk, windows.Count - start);
            for (var i = 0; i < count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var window = SignalWindows.Cut(samples, windows[start + i], AudioSetFrontEnd.WindowSamples, padding);
                silent[start + i] = SignalWindows.IsSilent(window);
                AudioSetFrontEnd.Shared.Compute(window, mels.AsSpan(i * MelSize, MelSize));
            }

            cancellationToken.ThrowIfCancellationRequested();
            var (chunkLogits, chunkEmbeddings) = network.Run(mels.AsSpan(0, count * MelSize), count);
            chunkLogits.CopyTo(logits.AsSpan(start * classes));
            chunkEmbeddings.CopyTo(embeddings.AsSpan(start * size));
        }

        return new AudioSetWindowScores(logits, embeddings, silent);
    }
}
