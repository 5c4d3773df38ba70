using Genre.Kinds.AudioSet;
using Genre.Kinds.AudioSetHead;
using Genre.Kinds.Crnn;
using Genre.Kinds.MfccCnn;

namespace Genre.Kinds;

/// <summary>The kinds of model this program runs, by the name a model card gives in <c>kind</c>.</summary>
public static class ModelKinds
{
    /// <summary>The original system's network: MFCCs of 3 s segments into a small CNN trained on GTZAN.</summary>
    public const string MfccCnn = "mfcc-cnn";

    /// <summary>EfficientAT mn04, pretrained on AudioSet: log-mel 10 s windows, 527 sound classes, ten of them genres.</summary>
    public const string AudioSet = "audioset";

    /// <summary>A small classifier trained on the AudioSet network's embeddings, over the user's own labels.</summary>
    public const string AudioSetHead = "audioset-head";

    /// <summary>A CRNN over the same MFCC segments: convolutional blocks, then a GRU over time; trained by <c>genre train --kind crnn</c>.</summary>
    public const string Crnn = "crnn";

    private static readonly IModelKind[] s_kinds = [new MfccCnnKind(), new AudioSetKind(), new AudioSetHeadKind(), new CrnnKind()];

    /// <summary>Every kind's name: <c>mfcc-cnn</c>, <c>audioset</c>, <c>audioset-head</c> and <c>crnn</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. s_kinds.Select(k => k.Name)];

    /// <summary>The kind named <paramref name="name"/>; an <see cref="InvalidDataException"/> naming the known ones if there is none.</summary>
    internal static IModelKind Find(string? name) =>
        s_kinds.FirstOrDefault(k => k.Name == name)
        ?? throw new InvalidDataException($"kind '{name}' is not supported (this program has {string.Join(", ", Names)})");
}
