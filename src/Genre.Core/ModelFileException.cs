namespace Genre;

/// <summary>A model folder, model card or weights file is missing, corrupt or does not match what it is used with.</summary>
public sealed class ModelFileException : GenreException
{
    public ModelFileException(string? path, string message, Exception? inner = null)
        : base(path is null ? message : $"{path}: {message}", path, inner)
    {
    }
}
