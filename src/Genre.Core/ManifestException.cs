namespace Genre;

/// <summary>
/// A manifest (the list of tracks of a batch run) cannot be used: unreadable, a required column missing, a malformed
/// line. <see cref="Location"/> says where ("line 12", "row 7"), so the user can fix that line.
/// </summary>
public sealed class ManifestException : GenreException
{
    public ManifestException(string path, string? location, string reason, Exception? inner = null)
        : base(location is null ? $"{path}: {reason}" : $"{path}: {location}: {reason}", path, inner)
    {
        Location = location;
        Reason = reason;
    }

    public string? Location { get; }

    public string Reason { get; }
}
