namespace Genre;

/// <summary>
/// The output folder already holds a part under this shard's name from another run (another manifest, model, shard
/// count, window or format), or one whose metadata cannot be read: it is left alone unless the user asks to replace it.
/// </summary>
public sealed class PartConflictException : GenreException
{
    /// <summary>A conflict error whose message says how to resolve it (<c>--overwrite</c>, or another <c>--out</c>).</summary>
    /// <param name="path">The part file already there.</param>
    /// <param name="reason">How it differs from this run, or why its metadata cannot be read.</param>
    public PartConflictException(string path, string reason)
        : base($"{path}: {reason}; rerun with --overwrite to replace it, or write to another --out folder", path)
    {
    }
}
