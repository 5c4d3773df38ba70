namespace Genre;

/// <summary>An output file or folder cannot be written (read-only, missing permission, disk full).</summary>
public sealed class OutputException : GenreException
{
    /// <summary>An output error whose message is "<paramref name="path"/>: cannot write: <paramref name="reason"/>".</summary>
    /// <param name="path">The file or folder that could not be written.</param>
    /// <param name="reason">Why (the operating system's message).</param>
    /// <param name="inner">The I/O or permission error, if any.</param>
    public OutputException(string path, string reason, Exception? inner = null)
        : base($"{path}: cannot write: {reason}", path, inner)
    {
    }
}
