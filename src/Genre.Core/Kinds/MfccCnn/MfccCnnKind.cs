using Genre.Inference;
using Genre.Model;

namespace Genre.Kinds.MfccCnn;

/// <summary>
/// The original system's model: librosa-exact MFCCs of 3 s segments into <see cref="CnnLayout"/>, trained on GTZAN
/// by <c>genre train</c>; run by ONNX Runtime.
/// </summary>
internal sealed class MfccCnnKind : IModelKind
{
    public string Name => ModelKinds.MfccCnn;

    public string Architecture => CnnLayout.Architecture;

    public void Validate(ModelCard card) => ValidateFeatures(card, Name, CnnLayout.Architecture);

    /// <summary>
    /// A card of a kind fed with one MFCC segment (the CNN, the CRNN) must give the features it was trained on, with
    /// (130, 13) inputs.
    /// </summary>
    internal static void ValidateFeatures(ModelCard card, string kind, string architecture)
    {
        if (card.Features is not { } features)
        {
            throw new InvalidDataException($"'features' is missing (kind {kind} needs the MFCC settings it was trained on)");
        }

        if (features.Frames != CnnLayout.Frames || features.Coefficients != CnnLayout.Coefficients)
        {
            throw new InvalidDataException(
                $"features give ({features.Frames}, {features.Coefficients}) inputs; {architecture} takes ({CnnLayout.Frames}, {CnnLayout.Coefficients})");
        }
    }

    public void CheckWeights(ModelCard card, IReadOnlyDictionary<string, SafeTensor> tensors, string weightsPath)
    {
        if (tensors.TryGetValue("fc.6.bias", out var output) && output.Shape is [var outputs] && outputs != card.Genres.Count)
        {
            throw new ModelFileException(weightsPath,
                $"the network has {outputs} outputs but {ModelFolder.CardFileName} lists {card.Genres.Count} genres ({string.Join(", ", card.Genres)})");
        }

        CnnLayout.CheckWeights(tensors, card.Genres.Count, weightsPath);
    }

    public IGenreModel Load(ModelCard card, IReadOnlyDictionary<string, SafeTensor> tensors, string directory) =>
        new MfccSegmentModel(OnnxGenreNetwork.Create(card, tensors));
}
