using Genre.Model;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// EfficientAT mn04 pretrained on AudioSet (MIT): 10 s log-mel windows into a MobileNetV3-style CNN with 527 sound
/// classes; the genres are the outputs the card's <c>genre_outputs</c> names, so no GTZAN training is needed. The
/// folder holds the pretrained weights as they are, the class names, and the card with its calibration.
/// </summary>
internal sealed class AudioSetKind : IModelKind
{
    public string Name => ModelKinds.AudioSet;

    public string Architecture => EfficientAtLayout.Architecture;

    public void Validate(ModelCard card)
    {
        if (card.GenreOutputs is not { } outputs || outputs.Count != card.Genres.Count)
        {
            throw new InvalidDataException($"'genre_outputs' must give the AudioSet class of each of the {card.Genres.Count} genres");
        }

        var outside = outputs.Where(o => o is < 0 or >= AudioSetClasses.Count).ToList();
        if (outside.Count > 0)
        {
            throw new InvalidDataException($"'genre_outputs' holds {string.Join(", ", outside)}; AudioSet classes are 0..{AudioSetClasses.Count - 1}");
        }

        if (outputs.Distinct().Count() != outputs.Count)
        {
            throw new InvalidDataException("'genre_outputs' names one AudioSet class for two genres");
        }
    }

    public void CheckWeights(ModelCard card, IReadOnlyDictionary<string, SafeTensor> tensors, string weightsPath) =>
        EfficientAtLayout.CheckWeights(tensors, weightsPath);

    public IGenreModel Load(ModelCard card, IReadOnlyDictionary<string, SafeTensor> tensors, string directory)
    {
        var classes = AudioSetClasses.Read(Path.Combine(directory, AudioSetClasses.FileName));
        return new AudioSetModel(card, classes, EfficientAtOnnxNetwork.Create(tensors));
    }
}
