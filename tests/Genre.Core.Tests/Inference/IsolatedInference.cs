using Genre.Inference;
using Genre.Kinds.AudioSet;

namespace Genre.Core.Tests.Inference;

/// <summary>
/// The whole inference path (load + logits) in one call that <see cref="TorchSharpFreeTests"/> invokes by reflection
/// inside a separate load context. It must reference nothing but Genre.Core's inference API.
/// </summary>
public static class IsolatedInference
{
    public static float[] Logits(string modelDirectory, float[] segments, int count)
    {
        using var network = OnnxGenreNetwork.Load(modelDirectory);
        return network.Logits(segments, count);
    }

    public static float[] AudioSetLogits(string weightsPath, float[] windows, int count)
    {
        using var network = EfficientAtOnnxNetwork.Load(weightsPath);
        return network.Run(windows, count).Logits;
    }
}
