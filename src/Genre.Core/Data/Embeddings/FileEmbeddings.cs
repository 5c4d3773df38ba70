namespace Genre.Data.Embeddings;

/// <summary>
/// One file's windows as the AudioSet network heard them: per window its index in the file's 10 s grid, its 384-d
/// embedding, its 527 AudioSet logits and whether it is digital silence (all row-major).
/// </summary>
public sealed record FileEmbeddings(string RelativePath, string Label, long[] Windows, float[] Embeddings, float[] Logits, bool[] Silent)
{
    public int Count => Windows.Length;
}
