using Genre.Model;

namespace Genre.Kinds;

/// <summary>
/// A kind of model: what its card must say, what its weights must hold, and how the two become a runnable
/// <see cref="IGenreModel"/>. A new kind is a folder with one of these and its model, registered in <see cref="ModelKinds"/>.
/// </summary>
internal interface IModelKind
{
    string Name { get; }

    /// <summary>The one architecture a card of this kind may name (checked for every kind by the card itself).</summary>
    string Architecture { get; }

    /// <summary>Checks the kind-specific parts of a card; every problem is an <see cref="InvalidDataException"/> saying what.</summary>
    void Validate(ModelCard card);

    /// <summary>Checks the weights as a strict load_state_dict would; every problem is a <see cref="ModelFileException"/> naming <paramref name="weightsPath"/>.</summary>
    void CheckWeights(ModelCard card, IReadOnlyDictionary<string, SafeTensor> tensors, string weightsPath);

    /// <summary>The runnable model of a folder whose card and weights have passed the checks above.</summary>
    IGenreModel Load(ModelCard card, IReadOnlyDictionary<string, SafeTensor> tensors, string directory);
}
