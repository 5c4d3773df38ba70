namespace Genre;

/// <summary>A model folder, model card or weights file is missing, corrupt or does not match what it is used with.</summary>
public sealed class ModelFileException : GenreException
{
    /// <summary>A model error whose message is "<paramref name="path"/>: <paramref name="message"/>" (the message alone without a path).</summary>
    /// <param name="path">The model folder, card or weights file at fault, when there is one.</param>
    /// <param name="message">What is wrong with it.</param>
    /// <param name="inner">The error that revealed it (a JSON or safetensors parse error), if any.</param>
    public ModelFileException(string? path, string message, Exception? inner = null)
        : base(path is null ? message : $"{path}: {message}", path, inner)
    {
    }
}
