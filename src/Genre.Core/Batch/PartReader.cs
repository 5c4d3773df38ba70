using System.Globalization;
using System.Text.Json;
using Parquet;

namespace Genre.Batch;

/// <summary>
/// Reads back the parts (and merged files) of a batch run, in any format: the metadata (to check a finished part) and
/// the rows (to merge parts, or to use the results). A damaged file is an <see cref="InvalidDataException"/> saying what
/// is wrong.
/// </summary>
public static class PartReader
{
    /// <summary>
    /// The metadata of the part at <paramref name="path"/>: from the file itself (Parquet, whose row count is checked
    /// against it) or from its <c>.meta.json</c> sidecar (JSON Lines, CSV).
    /// </summary>
    /// <exception cref="InvalidDataException">The metadata is missing a key, holds a wrong value, or disagrees with the rows.</exception>
    /// <exception cref="IOException">The part or its sidecar cannot be read.</exception>
    public static PartMetadata ReadMetadata(string path, PartFormat format)
    {
        if (format != PartFormat.Parquet)
        {
            return PartMetadata.FromJson(File.ReadAllText(PartMetadata.SidecarPath(path)));
        }

        return Parquet(path, reader =>
        {
            var metadata = PartMetadata.FromDictionary(reader.CustomMetadata);
            var rows = reader.RowGroups.Sum(g => g.RowCount);
            return rows == metadata.Rows ? metadata : throw new InvalidDataException($"holds {rows} rows, its metadata says {metadata.Rows}");
        });
    }

    /// <summary>The rows of a part, in file order, streamed (a Parquet row group at a time).</summary>
    public static IEnumerable<PartRow> ReadRows(string path, PartFormat format, IReadOnlyList<string> genres) => format switch
    {
        PartFormat.Parquet => ParquetRows(path, genres),
        PartFormat.Jsonl => JsonlRows(path, genres),
        PartFormat.Csv => CsvRows(path, genres),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    private static IEnumerable<PartRow> ParquetRows(string path, IReadOnlyList<string> genres)
    {
        var groups = Parquet(path, reader => reader.RowGroupCount);
        for (var g = 0; g < groups; g++)
        {
            foreach (var row in Parquet(path, reader => ReadGroup(reader, g, genres)))
            {
                yield return row;
            }
        }
    }

    private static PartRow[] ReadGroup(ParquetReader reader, int index, IReadOnlyList<string> genres)
    {
        var schema = new PartSchema(genres);
        using var group = reader.OpenRowGroupReader(index);
        var n = checked((int)group.RowCount);
        string?[] Strings(Parquet.Schema.DataField field)
        {
            var values = new string?[n];
            group.ReadAsync(field, values.AsMemory()!).GetAwaiter().GetResult();
            return values;
        }

        T?[] Values<T>(Parquet.Schema.DataField field)
            where T : struct
        {
            var values = new T?[n];
            group.ReadAsync(field, values.AsMemory()).GetAwaiter().GetResult();
            return values;
        }

        var (ids, paths, genre, confidence) = (Strings(schema.Id), Strings(schema.Path), Strings(schema.Genre), Values<float>(schema.Confidence));
        var probabilities = schema.GenreFields.Select(Values<float>).ToArray();
        var (duration, error, model) = (Values<double>(schema.Duration), Strings(schema.Error), Strings(schema.Model));
        var elapsed = new long[n];
        group.ReadAsync<long>(schema.ElapsedMs, elapsed.AsMemory()).GetAwaiter().GetResult();
        var rows = new PartRow[n];
        for (var i = 0; i < n; i++)
        {
            var p = confidence[i] is null && probabilities.Any(c => c[i] is null) ? null : probabilities.Select(c => c[i] ?? 0f).ToArray();
            rows[i] = new PartRow(ids[i] ?? "", paths[i] ?? "", genre[i], confidence[i], p, duration[i], error[i], model[i] ?? "", elapsed[i]);
        }

        return rows;
    }

    private static T Parquet<T>(string path, Func<ParquetReader, T> read)
    {
        using var stream = File.OpenRead(path);
        // A part damaged on disk gets the manifest's footer check first: Parquet.Net can spin on a corrupt footer.
        if (ParquetFooterCheck.Problem(stream) is { } problem)
        {
            throw new InvalidDataException($"not a readable Parquet file: {problem}");
        }

        ParquetReader reader;
        try
        {
            reader = ParquetReader.CreateAsync(stream).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not IOException and not OperationCanceledException)
        {
            throw new InvalidDataException($"not a readable Parquet file: {e.Message}", e);
        }

        try
        {
            return read(reader);
        }
        catch (Exception e) when (e is not IOException and not InvalidDataException and not OperationCanceledException)
        {
            throw new InvalidDataException($"not a readable Parquet file: {e.Message}", e);
        }
        finally
        {
            reader.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static IEnumerable<PartRow> JsonlRows(string path, IReadOnlyList<string> genres)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            PartRow row;
            try
            {
                using var document = JsonDocument.Parse(line);
                var o = document.RootElement;
                string? Text(string key) => o.GetProperty(key).ValueKind == JsonValueKind.Null ? null : o.GetProperty(key).GetString();
                float? Single(string key) => o.GetProperty(key).ValueKind == JsonValueKind.Null ? null : o.GetProperty(key).GetSingle();
                var confidence = Single(PartColumns.Confidence);
                var probabilities = genres.Select(Single).ToArray();
                var duration = o.GetProperty(PartColumns.Duration);
                row = new PartRow(Text(PartColumns.Id) ?? "", Text(PartColumns.Path) ?? "", Text(PartColumns.Genre), confidence,
                    probabilities.Any(p => p is null) ? null : [.. probabilities.Select(p => p!.Value)],
                    duration.ValueKind == JsonValueKind.Null ? null : duration.GetDouble(), Text(PartColumns.Error), Text(PartColumns.Model) ?? "",
                    o.GetProperty(PartColumns.ElapsedMs).GetInt64());
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"line {number}: not a row of a part: {e.Message}", e);
            }

            yield return row;
        }
    }

    private static IEnumerable<PartRow> CsvRows(string path, IReadOnlyList<string> genres)
    {
        using var reader = new StreamReader(path);
        var expected = PartColumns.Names(genres);
        var header = true;
        foreach (var (line, f) in CsvRecords.Read(reader))
        {
            if (header)
            {
                header = false;
                if (!f.SequenceEqual(expected))
                {
                    throw new InvalidDataException($"line {line}: the header is not {string.Join(',', expected)}");
                }

                continue;
            }

            if (f.Count != expected.Count)
            {
                throw new InvalidDataException($"line {line}: {f.Count} fields, the header has {expected.Count}");
            }

            var g = genres.Count;
            var probabilities = f.Skip(4).Take(g).ToArray();
            yield return new PartRow(f[0], f[1], Null(f[2]), Single(f[3]), probabilities.Any(p => p.Length == 0) ? null : [.. probabilities.Select(p => Single(p)!.Value)],
                f[4 + g].Length == 0 ? null : double.Parse(f[4 + g], CultureInfo.InvariantCulture), Null(f[5 + g]), f[6 + g], long.Parse(f[7 + g], CultureInfo.InvariantCulture));
        }
    }

    private static string? Null(string field) => field.Length == 0 ? null : field;

    private static float? Single(string field) => field.Length == 0 ? null : float.Parse(field, CultureInfo.InvariantCulture);
}
