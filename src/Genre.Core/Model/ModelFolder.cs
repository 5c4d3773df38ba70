using Genre.Kinds;

namespace Genre.Model;

/// <summary>
/// Reads a model folder (<c>model.json</c> + <c>weights.safetensors</c>) and checks the two against each other and
/// against the card's kind (<see cref="ModelKinds"/>), with no TorchSharp types: both the training bundle and the ONNX inference path
/// load through here.
/// </summary>
public static class ModelFolder
{
    public const string WeightsFileName = "weights.safetensors";
    public const string CardFileName = "model.json";

    /// <summary>
    /// The card and the weights under PyTorch's names, checked by the card's kind (which must be
    /// <paramref name="requiredKind"/> when given); every problem is a <see cref="ModelFileException"/> naming the file.
    /// </summary>
    public static (ModelCard Card, Dictionary<string, SafeTensor> Tensors) Read(string directory, string? requiredKind = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new ModelFileException(directory, File.Exists(directory)
                ? $"is a file; a model is a folder with {CardFileName} and {WeightsFileName}"
                : "model folder not found; make one with: genre train --features FILE.npz --out DIR");
        }

        var weightsPath = Path.Combine(directory, WeightsFileName);
        var card = ReadCard(Path.Combine(directory, CardFileName));
        if (requiredKind is not null && card.Kind != requiredKind)
        {
            throw new ModelFileException(directory, $"is a model of kind '{card.Kind}'; this needs kind '{requiredKind}'");
        }

        var tensors = ReadWeights(weightsPath);
        ModelKinds.Find(card.Kind).CheckWeights(card, tensors, weightsPath);
        return (card, tensors);
    }

    private static ModelCard ReadCard(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelFileException(path, "model card not found: the folder is not a model (or is incomplete)");
        }

        try
        {
            return ModelCard.FromJson(File.ReadAllText(path));
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException(path, e.Message, e);
        }
    }

    private static Dictionary<string, SafeTensor> ReadWeights(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelFileException(path, "weights file not found: the model folder is incomplete");
        }

        try
        {
            using var stream = File.OpenRead(path);
            return SafeTensorsFile.Read(stream);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException(path, $"not a valid safetensors file: {e.Message}", e);
        }
    }
}
