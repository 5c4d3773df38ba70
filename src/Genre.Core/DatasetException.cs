namespace Genre;

/// <summary>A dataset folder, feature file or split list is missing, malformed or empty.</summary>
public sealed class DatasetException : GenreException
{
    /// <summary>A dataset error whose message is "<paramref name="path"/>: <paramref name="message"/>" (the message alone without a path).</summary>
    /// <param name="path">The folder or file at fault, when there is one.</param>
    /// <param name="message">What is wrong, and what to do about it.</param>
    /// <param name="inner">The error that revealed it, if any.</param>
    public DatasetException(string? path, string message, Exception? inner = null)
        : base(path is null ? message : $"{path}: {message}", path, inner)
    {
    }
}
