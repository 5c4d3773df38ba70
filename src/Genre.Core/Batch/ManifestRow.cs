namespace Genre.Batch;

/// <summary>One manifest row as written: its <paramref name="Line"/> (text line, or 1-based Parquet row) for errors, its path and its id.</summary>
internal readonly record struct ManifestRow(long Line, string Path, string? Id);
