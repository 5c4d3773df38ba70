namespace Genre.Batch;

/// <summary>The file formats a part (and a merged file) is written in.</summary>
public enum PartFormat
{
    Parquet,
    Jsonl,
    Csv,
}
