using Parquet;
using Parquet.Schema;

namespace Genre.Batch;

/// <summary>
/// A part as Parquet (Parquet.Net, pure managed): strings for id, path, genre, error and model, float for confidence
/// and each genre, double for duration (seconds), int64 for elapsed_ms; the <see cref="PartMetadata"/> in the file's
/// key-value metadata. Rows are buffered and written a row group of <see cref="RowGroupSize"/> at a time, so memory
/// stays bounded whatever the shard's size.
/// </summary>
internal sealed class ParquetPartWriter : IPartWriter
{
    public const int RowGroupSize = 10_000;

    private readonly ParquetWriter _writer;
    private readonly PartSchema _schema;
    private readonly List<PartRow> _rows = [];
    private bool _disposed;

    public ParquetPartWriter(Stream stream, IReadOnlyList<string> genres)
    {
        _schema = new PartSchema(genres);
        _writer = ParquetWriter.CreateAsync(_schema.Schema, stream).GetAwaiter().GetResult();
    }

    public void Write(PartRow row)
    {
        _rows.Add(row);
        if (_rows.Count == RowGroupSize)
        {
            Flush();
        }
    }

    public void Complete(PartMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        Flush();
        _writer.CustomMetadata = metadata.ToDictionary();
        _disposed = true;
        _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private void Flush()
    {
        if (_rows.Count == 0)
        {
            return;
        }

        using (var group = _writer.CreateRowGroup())
        {
            var s = _schema;
            Strings(group, s.Id, r => r.Id);
            Strings(group, s.Path, r => r.Path);
            Strings(group, s.Genre, r => r.Genre);
            Values(group, s.Confidence, r => r.Confidence);
            for (var g = 0; g < s.GenreFields.Count; g++)
            {
                var column = g;
                Values(group, s.GenreFields[g], r => r.Probabilities?[column]);
            }

            Values(group, s.Duration, r => r.Duration);
            Strings(group, s.Error, r => r.Error);
            Strings(group, s.Model, r => r.Model);
            group.WriteAsync<long>(s.ElapsedMs, _rows.Select(r => r.ElapsedMs).ToArray().AsMemory()).GetAwaiter().GetResult();
        }

        _rows.Clear();
    }

    private void Strings(ParquetRowGroupWriter group, DataField field, Func<PartRow, string?> value) =>
        group.WriteAsync(field, _rows.Select(value).ToArray()!).GetAwaiter().GetResult();

    private void Values<T>(ParquetRowGroupWriter group, DataField field, Func<PartRow, T?> value)
        where T : struct =>
        group.WriteAsync<T>(field, _rows.Select(value).ToArray().AsMemory()).GetAwaiter().GetResult();

    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
