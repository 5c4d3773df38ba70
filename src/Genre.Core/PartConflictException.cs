namespace Genre;

/// <summary>
/// The output folder already holds a part under this shard's name from another run (another manifest, model, shard
/// count, window or format), or one whose metadata cannot be read: it is left alone unless the user asks to replace it.
/// </summary>
public sealed class PartConflictException : GenreException
{
    public PartConflictException(string path, string reason)
        : base($"{path}: {reason}; rerun with --overwrite to replace it, or write to another --out folder", path)
    {
    }
}
