using Genre.Inference;

namespace Genre.Data.Embeddings;

/// <summary>
/// What <see cref="EmbeddingExtractor"/> does: which labelled folder, into which .npz, which windows of each file,
/// through which AudioSet model folder (its network's weights), with how many files in parallel.
/// </summary>
public sealed record EmbeddingExtractionRequest(string DataDirectory, string OutputPath, string BaseModelDirectory)
{
    public PredictionWindow Window { get; init; } = PredictionWindow.Spread;

    public int? Threads { get; init; }

    /// <summary>How often the work done so far is written to the output, so an interrupted run resumes from there.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(30);
}
