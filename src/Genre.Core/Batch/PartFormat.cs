namespace Genre.Batch;

/// <summary>The file formats a part (and a merged file) is written in.</summary>
public enum PartFormat
{
    /// <summary>Apache Parquet (the default), the metadata in the file's own key-value metadata.</summary>
    Parquet,

    /// <summary>JSON Lines, an object a row; the metadata in a <c>.meta.json</c> file beside it.</summary>
    Jsonl,

    /// <summary>CSV (RFC 4180) with a header row; the metadata in a <c>.meta.json</c> file beside it.</summary>
    Csv,
}
