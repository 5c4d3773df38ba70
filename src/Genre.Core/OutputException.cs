namespace Genre;

/// <summary>An output file or folder cannot be written (read-only, missing permission, disk full).</summary>
public sealed class OutputException : GenreException
{
    public OutputException(string path, string reason, Exception? inner = null)
        : base($"{path}: cannot write: {reason}", path, inner)
    {
    }
}
