namespace Genre;

/// <summary>
/// A manifest (the list of tracks of a batch run) cannot be used: unreadable, a required column missing, a malformed
/// line. <see cref="Location"/> says where ("line 12", "row 7"), so the user can fix that line.
/// </summary>
public sealed class ManifestException : GenreException
{
    /// <summary>A manifest error whose message is "path: location: reason".</summary>
    /// <param name="path">The manifest file.</param>
    /// <param name="location">Where in it ("line 12", "row 7"), or null when the whole file is at fault.</param>
    /// <param name="reason">What is wrong there.</param>
    /// <param name="inner">The reader's own exception, if any.</param>
    public ManifestException(string path, string? location, string reason, Exception? inner = null)
        : base(location is null ? $"{path}: {reason}" : $"{path}: {location}: {reason}", path, inner)
    {
        Location = location;
        Reason = reason;
    }

    /// <summary>Where in the manifest the problem is ("line 12", "row 7"); null when the whole file is at fault.</summary>
    public string? Location { get; }

    /// <summary>What is wrong, without the file name or the location.</summary>
    public string Reason { get; }
}
