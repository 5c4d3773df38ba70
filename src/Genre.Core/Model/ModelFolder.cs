using Genre.Kinds;

namespace Genre.Model;

/// <summary>
/// A model folder: <c>model.json</c> (<see cref="CardFileName"/>) and <c>weights.safetensors</c>
/// (<see cref="WeightsFileName"/>), and the hash that names a model in batch output. Reading one checks the two against
/// each other and against the card's kind (<see cref="ModelKinds"/>), with no TorchSharp types: both the training
/// bundle and the ONNX inference path (<see cref="Inference.GenreClassifier.Load"/>) load through here.
/// </summary>
public static class ModelFolder
{
    /// <summary>The weights' file in a model folder: PyTorch's state dict in the safetensors format.</summary>
    public const string WeightsFileName = "weights.safetensors";

    /// <summary>The card's file in a model folder (<see cref="ModelCard"/>).</summary>
    public const string CardFileName = "model.json";

    /// <summary>
    /// The card and the weights under PyTorch's names, checked by the card's kind (which must be
    /// <paramref name="requiredKind"/> when given); every problem is a <see cref="ModelFileException"/> naming the file.
    /// </summary>
    internal static (ModelCard Card, Dictionary<string, SafeTensor> Tensors) Read(string directory, string? requiredKind = null)
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

    /// <summary>
    /// SHA-256 (lower-case hex) of the card's bytes followed by the weights' bytes: what names a model in batch output,
    /// so a part written by other weights or another calibration is never taken for this model's.
    /// </summary>
    public static string Sha256(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var name in new[] { CardFileName, WeightsFileName })
        {
            var path = Path.Combine(directory, name);
            try
            {
                using var stream = File.OpenRead(path);
                var buffer = new byte[1 << 16];
                int read;
                while ((read = stream.Read(buffer)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ModelFileException(path, $"cannot read it: {e.Message}", e);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
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

    /// <summary>
    /// A copy of model folder <paramref name="source"/> (its files, not its subfolders) with <paramref name="card"/>
    /// as its card, written atomically; source and destination may be the same folder.
    /// </summary>
    internal static void WriteCopy(string source, string directory, ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var files = Directory.GetFiles(source);
        WriteAtomically(directory, temp =>
        {
            foreach (var file in files.Where(f => Path.GetFileName(f) != CardFileName))
            {
                File.Copy(file, Path.Combine(temp, Path.GetFileName(file)));
            }

            File.WriteAllText(Path.Combine(temp, CardFileName), card.ToJson());
        });
    }

    /// <summary>
    /// Writes a model folder atomically: <paramref name="fill"/> writes into a temporary sibling folder that then
    /// replaces <paramref name="directory"/>, so readers never see a half-written model; on failure the old one stays.
    /// </summary>
    internal static void WriteAtomically(string directory, Action<string> fill)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(fill);
        var full = Path.GetFullPath(directory);
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var temp = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.tmp");
        var old = Path.Combine(parent, $".{name}.{Guid.NewGuid():N}.old");
        try
        {
            Directory.CreateDirectory(temp);
            fill(temp);
            if (Directory.Exists(full))
            {
                Directory.Move(full, old);
            }

            Directory.Move(temp, full);
            if (Directory.Exists(old))
            {
                Directory.Delete(old, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (Directory.Exists(old) && !Directory.Exists(full))
            {
                Directory.Move(old, full);
            }

            throw new OutputException(directory, e.Message, e);
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }
}
