namespace Genre;

/// <summary>A dataset folder, feature file or split list is missing, malformed or empty.</summary>
public sealed class DatasetException : GenreException
{
    public DatasetException(string? path, string message, Exception? inner = null)
        : base(path is null ? message : $"{path}: {message}", path, inner)
    {
    }
}
