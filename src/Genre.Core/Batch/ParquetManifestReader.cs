using Parquet;
using Parquet.Schema;

namespace Genre.Batch;

/// <summary>A <c>.parquet</c> manifest: a string column <c>path</c> and optionally an <c>id</c> column (string or integer); read one row group at a time.</summary>
internal static class ParquetManifestReader
{
    public static IEnumerable<ManifestRow> Read(Stream stream, string manifest)
    {
        if (Guard(manifest, () => ParquetFooterCheck.Problem(stream)) is { } problem)
        {
            throw new ManifestException(manifest, null, $"not a readable Parquet file: {problem}");
        }

        var reader = Guard(manifest, () => ParquetReader.CreateAsync(stream, leaveStreamOpen: true).GetAwaiter().GetResult());
        try
        {
            foreach (var row in Rows(reader, manifest))
            {
                yield return row;
            }
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static IEnumerable<ManifestRow> Rows(ParquetReader reader, string manifest)
    {
        var (path, id) = Guard(manifest, () => Columns(reader, manifest));
        var row = 0L;
        for (var group = 0; group < reader.RowGroupCount; group++)
        {
            var (paths, ids) = Guard(manifest, () => ReadGroup(reader, group, path, id));
            for (var i = 0; i < paths.Length; i++)
            {
                row++;
                if (paths[i] is null)
                {
                    throw new ManifestException(manifest, $"row {row}", "the path is null");
                }

                yield return new ManifestRow(row, paths[i]!, ids?[i]);
            }
        }
    }

    private static (DataField Path, DataField? Id) Columns(ParquetReader reader, string manifest)
    {
        var fields = reader.Schema.GetDataFields();
        var path = fields.FirstOrDefault(f => string.Equals(f.Name, "path", StringComparison.OrdinalIgnoreCase))
            ?? throw new ManifestException(manifest, null, "no column 'path' (a Parquet manifest has a string column path and, optionally, id)");
        if (IsNumber(path))
        {
            throw new ManifestException(manifest, null, $"column 'path' holds {path.ClrType.Name}; it must be strings");
        }

        return (path, fields.FirstOrDefault(f => string.Equals(f.Name, "id", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Integer ids are read as numbers; anything else is read as strings, and what is not strings fails that read.</summary>
    private static bool IsNumber(DataField field) => field.ClrType == typeof(long) || field.ClrType == typeof(int);

    private static (string?[] Paths, string?[]? Ids) ReadGroup(ParquetReader reader, int group, DataField path, DataField? id)
    {
        using var rows = reader.OpenRowGroupReader(group);
        var count = checked((int)rows.RowCount);
        var paths = new string?[count];
        rows.ReadAsync(path, paths.AsMemory()!).GetAwaiter().GetResult();
        if (id is null)
        {
            return (paths, null);
        }

        if (!IsNumber(id))
        {
            var ids = new string?[count];
            rows.ReadAsync(id, ids.AsMemory()!).GetAwaiter().GetResult();
            return (paths, ids);
        }

        var numbers = new long?[count];
        if (id.ClrType == typeof(int))
        {
            var ints = new int?[count];
            rows.ReadAsync(id, ints.AsMemory()).GetAwaiter().GetResult();
            for (var i = 0; i < count; i++)
            {
                numbers[i] = ints[i];
            }
        }
        else
        {
            rows.ReadAsync(id, numbers.AsMemory()).GetAwaiter().GetResult();
        }

        return (paths, [.. numbers.Select(n => n?.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
    }

    /// <summary>Whatever a damaged file makes the Parquet reader throw is the manifest's fault: one error naming it.</summary>
    private static T Guard<T>(string manifest, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not ManifestException and not OperationCanceledException)
        {
            throw new ManifestException(manifest, null, $"not a readable Parquet file: {e.Message}", e);
        }
    }
}
