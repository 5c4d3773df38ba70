namespace Genre.Batch;

/// <summary>
/// Where a shard's part lives and how it is written: the final name <c>DIR/part-00003-of-00016.parquet</c>, the
/// temporary name <c>DIR/.part-00003-of-00016.parquet.tmp-PID</c> it is written under and renamed from (so a part
/// under its final name is always whole), and the <c>.meta.json</c> sidecar of JSON Lines and CSV parts.
/// </summary>
internal sealed record PartFile(string Directory, Shard Shard, PartFormat Format)
{
    public const string TemporaryMarker = ".tmp-";

    public string Name => Shard.PartName(Format);

    public string Path => System.IO.Path.Combine(Directory, Name);

    /// <summary>Where the metadata is: the part itself (Parquet) or its sidecar.</summary>
    public string? Sidecar => Format == PartFormat.Parquet ? null : PartMetadata.SidecarPath(Path);

    public string TemporaryPath(int processId) => System.IO.Path.Combine(Directory, $".{Name}{TemporaryMarker}{processId}");

    /// <summary>Temporary files of this part left by any process (killed, or still running).</summary>
    public IReadOnlyList<string> Leftovers() =>
        System.IO.Directory.Exists(Directory) ? [.. System.IO.Directory.EnumerateFiles(Directory, $".{Name}{TemporaryMarker}*")] : [];

    /// <summary>
    /// Creates <paramref name="temporary"/> for writing and holds it with <see cref="FileShare.None"/>, which .NET takes
    /// on Unix as an exclusive <c>flock</c>: the lock <see cref="IsBeingWritten"/> looks for, held until the stream is
    /// closed or the process dies.
    /// </summary>
    public static FileStream CreateTemporary(string temporary) =>
        new(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20);

    /// <summary>
    /// Whether a live process is still writing <paramref name="temporary"/>, by the lock <see cref="CreateTemporary"/>
    /// holds: opening it the same way fails while the writer lives and succeeds once it is gone, however it ended
    /// (the kernel drops a dead process's locks), on this node and on file systems that carry flock between nodes.
    /// </summary>
    public static bool IsBeingWritten(string temporary)
    {
        try
        {
            using var probe = new FileStream(temporary, FileMode.Open, FileAccess.Read, FileShare.None, 1);
            return false;
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            // Gone meanwhile (finished or removed), or not ours to open: nobody we can see is writing it.
            return false;
        }
    }
}
