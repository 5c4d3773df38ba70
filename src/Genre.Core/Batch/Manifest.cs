using System.Security.Cryptography;
using System.Text;

namespace Genre.Batch;

/// <summary>
/// The frozen list of tracks of a batch run, read by extension: <c>.txt</c> (a path per line; blank and <c>#</c> lines
/// skipped), <c>.csv</c> (a header with <c>path</c> and optionally <c>id</c>), <c>.jsonl</c> (<c>{"path": ..., "id": ...}</c>
/// per line) or <c>.parquet</c> (columns path and optionally id). Relative paths are relative to the manifest's folder;
/// a row without an id has the path as written for its id. <see cref="Open"/> reads it once through, so a bad line
/// anywhere fails every shard alike, and hashes its bytes; a shard reads it again, streaming only its own range, so a
/// manifest of millions of tracks is never held in memory. Any problem is a <see cref="ManifestException"/> naming the
/// line.
/// </summary>
public sealed class Manifest
{
    private Manifest(string path, string sha256, long count)
    {
        Path = path;
        Sha256 = sha256;
        Count = count;
    }

    /// <summary>The manifest file, as given to <see cref="Open"/>; relative track paths are resolved against its folder.</summary>
    public string Path { get; }

    /// <summary>SHA-256 of the manifest's bytes, lower-case hex: what ties a part to the manifest it came from.</summary>
    public string Sha256 { get; }

    /// <summary>Tracks in the manifest.</summary>
    public long Count { get; }

    /// <summary>Reads the manifest through once: checks every line, counts the tracks, hashes the bytes.</summary>
    /// <param name="path">A <c>.txt</c>, <c>.csv</c>, <c>.jsonl</c> or <c>.parquet</c> manifest.</param>
    /// <exception cref="ManifestException">The file is missing or unreadable, of another extension, or has a bad line (named).</exception>
    public static Manifest Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string sha256;
        try
        {
            using var stream = File.OpenRead(path);
            sha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException(path, null, e is FileNotFoundException or DirectoryNotFoundException ? "manifest not found" : $"cannot read it: {e.Message}", e);
        }

        var count = 0L;
        foreach (var _ in Read(path, 0, long.MaxValue))
        {
            count++;
        }

        return new Manifest(path, sha256, count);
    }

    /// <summary>The tracks of <paramref name="range"/>, in manifest order, their paths resolved against the manifest's folder.</summary>
    internal IEnumerable<BatchInput> Rows(ShardRange range) => Read(Path, range.Start, range.Count);

    private static IEnumerable<BatchInput> Read(string path, long skip, long take)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        using var stream = OpenStream(path);
        var index = 0L;
        foreach (var row in Parse(stream, path))
        {
            var input = Input(row, folder, path);
            if (index >= skip)
            {
                if (index - skip >= take)
                {
                    yield break;
                }

                yield return input;
            }

            index++;
        }
    }

    private static FileStream OpenStream(string path)
    {
        try
        {
            return File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ManifestException(path, null, $"cannot read it: {e.Message}", e);
        }
    }

    private static IEnumerable<ManifestRow> Parse(Stream stream, string path)
    {
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".parquet")
        {
            return ParquetManifestReader.Read(stream, path);
        }

        var text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        return extension switch
        {
            ".txt" => TextManifestReader.Read(text),
            ".csv" => CsvManifestReader.Read(text, path),
            ".jsonl" or ".ndjson" => JsonlManifestReader.Read(text, path),
            _ => throw new ManifestException(path, null, $"unknown manifest format '{extension}'; use .txt, .csv, .jsonl or .parquet"),
        };
    }

    private static BatchInput Input(ManifestRow row, string folder, string manifest)
    {
        var where = $"{(manifest.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? "row" : "line")} {row.Line}";
        if (string.IsNullOrWhiteSpace(row.Path))
        {
            throw new ManifestException(manifest, where, "the path is empty");
        }

        if (row.Path.Contains('\0', StringComparison.Ordinal))
        {
            throw new ManifestException(manifest, where, "the path holds a NUL character");
        }

        return new BatchInput(row.Id ?? row.Path, System.IO.Path.GetFullPath(row.Path, folder));
    }
}
