namespace Genre.Batch;

/// <summary>Writes rows to a part file of one format; <see cref="Complete"/> writes what ends the file (Parquet's footer with the metadata).</summary>
internal interface IPartWriter : IDisposable
{
    void Write(PartRow row);

    void Complete(PartMetadata metadata);
}
