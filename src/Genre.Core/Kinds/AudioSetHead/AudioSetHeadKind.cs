using Genre.Kinds.AudioSet;
using Genre.Model;

namespace Genre.Kinds.AudioSetHead;

/// <summary>
/// A head trained on the AudioSet network's window embeddings (<see cref="EmbeddingHead"/>), over the user's own
/// labels (any names, any number from 2). The folder is self-contained: the pretrained network's weights (copied, 4 MB),
/// with <c>--fine-tune</c> a fine-tuned copy of its last blocks (<c>tuned.*</c>, which give the head its embedding),
/// and the head's <c>head.*</c> tensors in one weights file, AudioSet's class names for tags, and the card.
/// </summary>
internal sealed class AudioSetHeadKind : IModelKind
{
    public const string HeadArchitecture = EfficientAtLayout.Architecture + "+head";

    public string Name => ModelKinds.AudioSetHead;

    public string Architecture => HeadArchitecture;

    public void Validate(ModelCard card)
    {
        if (card.Head is not { } head)
        {
            throw new InvalidDataException($"'head' is missing (kind {Name} needs the head's type and the network it was trained on)");
        }

        if (head.Type is not (EmbeddingHead.Logistic or EmbeddingHead.Mlp))
        {
            throw new InvalidDataException($"'head.type' is '{head.Type}'; use {EmbeddingHead.Logistic} or {EmbeddingHead.Mlp}");
        }

        if ((head.Type == EmbeddingHead.Mlp) != (head.HiddenUnits > 0))
        {
            throw new InvalidDataException($"'head.hidden_units' is {head.HiddenUnits}; an mlp head has at least 1, a logistic head 0");
        }

        if (card.Genres.Count < 2)
        {
            throw new InvalidDataException("a head needs at least two labels in 'genres'");
        }
    }

    public void CheckWeights(ModelCard card, IReadOnlyDictionary<string, SafeTensor> tensors, string weightsPath)
    {
        var (network, tuned, head) = Split(tensors);
        EfficientAtLayout.CheckWeights(network, weightsPath);
        // A fine-tuning that no epoch of which beat the frozen head (best epoch 0) kept the frozen head: no copy then.
        var fineTune = card.Head!.FineTune is { BestEpoch: > 0 } record ? record : null;
        if (tuned.Count == 0 && fineTune is not null)
        {
            throw new ModelFileException(weightsPath, $"the card says features.{fineTune.FirstFeature} on were fine-tuned, but the weights hold no {EfficientAtLayout.TunedPrefix}* tensors");
        }

        if (tuned.Count > 0)
        {
            var first = EfficientAtLayout.CheckTuned(tuned, weightsPath);
            if (fineTune?.FirstFeature != first)
            {
                throw new ModelFileException(weightsPath,
                    $"the weights hold a copy of features.{first} on fine-tuned, but the card's 'head.fine_tune' {(fineTune is null ? "is missing" : $"says features.{fineTune.FirstFeature}")}");
            }
        }

        EmbeddingHead.Check(head, card.Head.Type, card.Head.HiddenUnits, card.Genres.Count, weightsPath);
    }

    public IGenreModel Load(ModelCard card, IReadOnlyDictionary<string, SafeTensor> tensors, string directory)
    {
        var (network, tuned, head) = Split(tensors);
        var classes = AudioSetClasses.Read(Path.Combine(directory, AudioSetClasses.FileName));
        return new AudioSetHeadModel(card, classes, EfficientAtOnnxNetwork.Create(network, tuned: tuned.Count > 0 ? tuned : null), EmbeddingHead.FromTensors(head));
    }

    /// <summary>The network's tensors, the fine-tuned copy's (<c>tuned.*</c>, none without fine-tuning) and the head's (<c>head.*</c>).</summary>
    internal static (Dictionary<string, SafeTensor> Network, Dictionary<string, SafeTensor> Tuned, Dictionary<string, SafeTensor> Head) Split(
        IReadOnlyDictionary<string, SafeTensor> tensors)
    {
        var network = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
        var tuned = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
        var head = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in tensors)
        {
            var part = name.StartsWith(EmbeddingHead.Prefix, StringComparison.Ordinal) ? head
                : name.StartsWith(EfficientAtLayout.TunedPrefix, StringComparison.Ordinal) ? tuned
                : network;
            part[name] = tensor;
        }

        return (network, tuned, head);
    }
}
