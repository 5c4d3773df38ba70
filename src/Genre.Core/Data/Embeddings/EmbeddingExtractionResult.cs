namespace Genre.Data.Embeddings;

/// <summary>What <see cref="EmbeddingExtractor"/> wrote: the set, the files it extracted now, those it kept from the existing output, and those it skipped.</summary>
public sealed record EmbeddingExtractionResult(EmbeddingSet Set, int Extracted, int Reused, IReadOnlyList<SkippedClip> Skipped, TimeSpan Elapsed)
{
    /// <summary>Wall time per extracted file, all threads together.</summary>
    public double WallMsPerFile => Extracted == 0 ? 0 : Elapsed.TotalMilliseconds / Extracted;
}
