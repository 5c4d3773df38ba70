namespace Genre;

/// <summary>A dataset archive cannot be used: truncated, not a zip, unsafe entry names, or not the expected dataset.</summary>
public sealed class ArchiveException : GenreException
{
    public ArchiveException(string path, string reason, Exception? inner = null)
        : base($"{path}: {reason}", path, inner) => Reason = reason;

    /// <summary>The cause, without the file name.</summary>
    public string Reason { get; }
}
