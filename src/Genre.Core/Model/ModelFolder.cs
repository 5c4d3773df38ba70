namespace Genre.Model;

/// <summary>
/// Reads a model folder (<c>model.json</c> + <c>weights.safetensors</c>) and checks the two against each other and
/// against <see cref="CnnLayout"/>, with no TorchSharp types: both the training bundle and the ONNX inference path
/// load through here.
/// </summary>
public static class ModelFolder
{
    public const string WeightsFileName = "weights.safetensors";
    public const string CardFileName = "model.json";

    /// <summary>The card and the weights under PyTorch's names; every problem is a <see cref="ModelFileException"/> naming the file.</summary>
    public static (ModelCard Card, Dictionary<string, SafeTensor> Tensors) Read(string directory)
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
        var tensors = ReadWeights(weightsPath);
        if (tensors.TryGetValue("fc.6.bias", out var output) && output.Shape is [var outputs] && outputs != card.Genres.Count)
        {
            throw new ModelFileException(weightsPath,
                $"the network has {outputs} outputs but {CardFileName} lists {card.Genres.Count} genres ({string.Join(", ", card.Genres)})");
        }

        CnnLayout.CheckWeights(tensors, card.Genres.Count, weightsPath);
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

    /// <summary>A safetensors file; a missing or malformed one is a <see cref="ModelFileException"/> naming it.</summary>
    internal static Dictionary<string, SafeTensor> ReadWeights(string path)
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
