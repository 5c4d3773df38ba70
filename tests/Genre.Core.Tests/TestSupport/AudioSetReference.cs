using Genre.Model;

namespace Genre.Core.Tests.TestSupport;

/// <summary>The pretrained AudioSet weights and golden values of blues.00000, each read once for all tests.</summary>
internal static class AudioSetReference
{
    private static readonly Lazy<Dictionary<string, SafeTensor>> LazyWeights = new(() =>
    {
        using var file = File.OpenRead(TestPaths.EfficientAtWeights);
        return SafeTensorsFile.Read(file);
    });

    /// <summary>The tensors of weights.safetensors; callers must not change them (copy the dictionary to).</summary>
    public static IReadOnlyDictionary<string, SafeTensor> Weights => LazyWeights.Value;

    /// <summary>Window 0's network input, (128, 1000) row-major.</summary>
    public static float[] WindowZeroMel() => Golden.Load(Path.Combine(TestPaths.EfficientAt, "blues.00000.window0.mel.npy")).ToFloat32();

    /// <summary>Row 0 of the reference logits (3, 527).</summary>
    public static float[] WindowZeroLogits() => Golden.Load(Path.Combine(TestPaths.EfficientAt, "blues.00000.logits.npy")).ToFloat32()[..527];

    /// <summary>Row 0 of the reference embeddings (3, 384).</summary>
    public static float[] WindowZeroEmbedding() => Golden.Load(Path.Combine(TestPaths.EfficientAt, "blues.00000.embedding.npy")).ToFloat32()[..384];

    /// <summary><paramref name="count"/> windows of seeded values in the range the normalised log-mel input has.</summary>
    public static float[] RandomWindows(int count, int seed)
    {
        var random = new Random(seed);
        var data = new float[count * 128 * 1000];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)((random.NextDouble() * 3) - 1.5);
        }

        return data;
    }
}
