namespace Genre.Batch;

/// <summary>The writer of a format over an open stream, for the genres of a model.</summary>
internal static class PartWriters
{
    public static IPartWriter Create(PartFormat format, Stream stream, IReadOnlyList<string> genres) => format switch
    {
        PartFormat.Parquet => new ParquetPartWriter(stream, genres),
        PartFormat.Jsonl => new JsonlPartWriter(stream, genres),
        PartFormat.Csv => new CsvPartWriter(stream, genres),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
