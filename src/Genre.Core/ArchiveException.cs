namespace Genre;

/// <summary>A dataset archive cannot be used: truncated, not a zip, unsafe entry names, or not the expected dataset.</summary>
public sealed class ArchiveException : GenreException
{
    /// <summary>An archive error whose message is "<paramref name="path"/>: <paramref name="reason"/>".</summary>
    /// <param name="path">The archive file.</param>
    /// <param name="reason">What is wrong with it, without the file name.</param>
    /// <param name="inner">The error that revealed it (a zip reader's), if any.</param>
    public ArchiveException(string path, string reason, Exception? inner = null)
        : base($"{path}: {reason}", path, inner) => Reason = reason;

    /// <summary>The cause, without the file name.</summary>
    public string Reason { get; }
}
