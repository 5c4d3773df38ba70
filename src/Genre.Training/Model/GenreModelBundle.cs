using Genre.Features;

namespace Genre.Model;

/// <summary>
/// A model folder: <c>weights.safetensors</c> (PyTorch's names, loadable with <c>safetensors.torch.load_file</c>)
/// and <c>model.json</c> (<see cref="ModelCard"/>). Loading checks the two against each other.
/// </summary>
internal sealed class GenreModelBundle : IDisposable
{
    public const string WeightsFileName = ModelFolder.WeightsFileName;
    public const string CardFileName = ModelFolder.CardFileName;

    public GenreModelBundle(ModelCard card, GenreCnn network)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(network);
        if (network.Classes != card.Genres.Count)
        {
            throw new ArgumentException($"the network has {network.Classes} outputs but the card lists {card.Genres.Count} genres", nameof(network));
        }

        Card = card;
        Network = network;
    }

    public ModelCard Card { get; }

    public GenreCnn Network { get; }

    /// <summary>Loads and cross-checks a model folder; every problem is a <see cref="ModelFileException"/> naming the file.</summary>
    public static GenreModelBundle Load(string directory)
    {
        var (card, tensors) = ModelFolder.Read(directory, Kinds.ModelKinds.MfccCnn);
        var network = new GenreCnn(card.Genres.Count);
        try
        {
            ModelWeights.Import(network, tensors, Path.Combine(directory, WeightsFileName));
        }
        catch
        {
            network.Dispose();
            throw;
        }

        network.eval();
        return new GenreModelBundle(card, network);
    }

    /// <summary>Refuses features made with other settings than the model's: their predictions would be meaningless.</summary>
    public void EnsureFeatures(MfccSettings settings, string? source = null)
    {
        var differences = Card.Features!.Differences(FeatureParameters.From(settings));
        if (differences.Count > 0)
        {
            throw new ModelFileException(source, $"features do not match the model's: {string.Join("; ", differences)}");
        }
    }

    /// <summary>Writes the folder atomically (<see cref="ModelFolder.WriteAtomically"/>): readers never see a half-written model.</summary>
    public void Save(string directory) => Save(directory, Card, Network);

    /// <summary>Writes any network's state dict and its card as a model folder, atomically.</summary>
    public static void Save(string directory, ModelCard card, TorchSharp.torch.nn.Module network)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(network);
        ModelFolder.WriteAtomically(directory, temp =>
        {
            using (var weights = new FileStream(Path.Combine(temp, WeightsFileName), FileMode.CreateNew, FileAccess.Write))
            {
                SafeTensorsFile.Write(weights, ModelWeights.Export(network));
            }

            File.WriteAllText(Path.Combine(temp, CardFileName), card.ToJson());
        });
    }

    public void Dispose() => Network.Dispose();
}
