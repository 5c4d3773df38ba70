using Genre.Inference;
using Genre.Kinds.MfccCnn;
using Genre.Model;

namespace Genre.Kinds.Crnn;

/// <summary>
/// A CRNN over the original system's features (librosa-exact MFCCs of 3 s segments): convolutional blocks, then a
/// GRU over time (<see cref="CrnnLayout"/>), trained by <c>genre train --kind crnn</c>; run by ONNX Runtime through
/// the same segment-by-segment path as the CNN (<see cref="MfccSegmentModel"/>), so prediction never loads libtorch.
/// </summary>
internal sealed class CrnnKind : IModelKind
{
    public string Name => ModelKinds.Crnn;

    public string Architecture => CrnnLayout.Architecture;

    public void Validate(ModelCard card) => MfccCnnKind.ValidateFeatures(card, Name, CrnnLayout.Architecture);

    public void CheckWeights(ModelCard card, IReadOnlyDictionary<string, SafeTensor> tensors, string weightsPath) =>
        CrnnLayout.CheckWeights(tensors, card.Genres.Count, weightsPath);

    public IGenreModel Load(ModelCard card, IReadOnlyDictionary<string, SafeTensor> tensors, string directory) =>
        new MfccSegmentModel(OnnxGenreNetwork.FromGraph(card, CrnnOnnxGraph.Build(tensors, card.Genres.Count)));
}
