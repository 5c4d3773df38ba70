namespace Genre.Data.Embeddings;

/// <summary>What <see cref="EmbeddingExtractor"/> wrote: the set, the files it extracted now, those it kept from the existing output, and those it skipped.</summary>
/// <param name="Set">The set written: the files kept and the files extracted now.</param>
/// <param name="Extracted">Files run through the network by this call.</param>
/// <param name="Reused">Files kept from the existing output.</param>
/// <param name="Skipped">Files that could not be read, each with its reason.</param>
/// <param name="Elapsed">Wall time of the whole call.</param>
public sealed record EmbeddingExtractionResult(EmbeddingSet Set, int Extracted, int Reused, IReadOnlyList<SkippedClip> Skipped, TimeSpan Elapsed)
{
    /// <summary>Wall time per extracted file, all threads together.</summary>
    public double WallMsPerFile => Extracted == 0 ? 0 : Elapsed.TotalMilliseconds / Extracted;
}
