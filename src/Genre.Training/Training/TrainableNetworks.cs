using Genre.Kinds;
using Genre.Kinds.Crnn;
using Genre.Model;
using static TorchSharp.torch;

namespace Genre.Training;

/// <summary>The kinds <c>genre train</c> trains on MFCC segments, each with its architecture and its TorchSharp network.</summary>
public static class TrainableNetworks
{
    /// <summary>The model kinds trained here: <c>mfcc-cnn</c> and <c>crnn</c> (a head on AudioSet embeddings is <c>HeadTrainingJob</c>'s).</summary>
    public static IReadOnlyList<string> Kinds { get; } = [ModelKinds.MfccCnn, ModelKinds.Crnn];

    /// <summary>The architecture a card of <paramref name="kind"/> names.</summary>
    public static string Architecture(string kind) => kind switch
    {
        ModelKinds.MfccCnn => CnnLayout.Architecture,
        ModelKinds.Crnn => CrnnLayout.Architecture,
        _ => throw Unknown(kind),
    };

    /// <summary>A freshly initialised network of <paramref name="kind"/> (from torch's generator) with <paramref name="classes"/> outputs.</summary>
    internal static nn.Module<Tensor, Tensor> Create(string kind, int classes) => kind switch
    {
        ModelKinds.MfccCnn => new GenreCnn(classes),
        ModelKinds.Crnn => new CrnnNetwork(classes),
        _ => throw Unknown(kind),
    };

    private static TrainingException Unknown(string kind) =>
        new($"--kind {kind} cannot be trained on MFCC features (this program trains {string.Join(", ", Kinds)})");
}
