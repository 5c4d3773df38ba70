namespace Genre.Data.Embeddings;

/// <summary>
/// One file's windows as the AudioSet network heard them: per window its index in the file's 10 s grid, its 384-d
/// embedding, its 527 AudioSet logits and whether it is digital silence (all row-major).
/// </summary>
/// <param name="RelativePath">The file, relative to the dataset root ('/'-separated).</param>
/// <param name="Label">The file's label: its folder under the root.</param>
/// <param name="Windows">Each window's index in the file's 10 s grid.</param>
/// <param name="Embeddings">Each window's embedding, <see cref="EmbeddingSet.EmbeddingSize"/> floats a window.</param>
/// <param name="Logits">Each window's AudioSet logits, <see cref="EmbeddingSet.AudioSetClasses"/> floats a window.</param>
/// <param name="Silent">Which windows are digital silence.</param>
public sealed record FileEmbeddings(string RelativePath, string Label, long[] Windows, float[] Embeddings, float[] Logits, bool[] Silent)
{
    /// <summary>The number of windows kept from the file.</summary>
    public int Count => Windows.Length;
}
