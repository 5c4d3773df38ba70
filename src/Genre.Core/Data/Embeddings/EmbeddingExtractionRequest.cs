using Genre.Inference;

namespace Genre.Data.Embeddings;

/// <summary>
/// What <see cref="EmbeddingExtractor"/> does: which labelled folder, into which .npz, which windows of each file,
/// through which AudioSet model folder (its network's weights), with how many files in parallel.
/// </summary>
/// <param name="DataDirectory">The labelled folder (<see cref="LabelledAudioFolder"/>).</param>
/// <param name="OutputPath">The .npz to write; the files it already holds are kept (it must have been made with the same windows and network).</param>
/// <param name="BaseModelDirectory">A model folder of kind <c>audioset</c>, whose network makes the embeddings.</param>
public sealed record EmbeddingExtractionRequest(string DataDirectory, string OutputPath, string BaseModelDirectory)
{
    /// <summary>Which windows of each file to keep; spread by default, so a head learns from the whole track.</summary>
    public PredictionWindow Window { get; init; } = PredictionWindow.Spread;

    /// <summary>Files decoded and run at once; null for one per core.</summary>
    public int? Threads { get; init; }

    /// <summary>How often the work done so far is written to the output, so an interrupted run resumes from there.</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromSeconds(30);
}
