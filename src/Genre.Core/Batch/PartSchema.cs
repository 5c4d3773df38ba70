using Parquet.Schema;

namespace Genre.Batch;

/// <summary>The Parquet schema of a part for a model's genres: the <see cref="PartColumns"/> with their types.</summary>
internal sealed class PartSchema
{
    public PartSchema(IReadOnlyList<string> genres)
    {
        GenreFields = [.. genres.Select(g => new DataField<float?>(g))];
        Schema = new ParquetSchema([Id, Path, Genre, Confidence, .. GenreFields, Duration, Error, Model, ElapsedMs]);
    }

    public ParquetSchema Schema { get; }

    public DataField Id { get; } = new DataField<string>(PartColumns.Id, nullable: true);

    public DataField Path { get; } = new DataField<string>(PartColumns.Path, nullable: true);

    public DataField Genre { get; } = new DataField<string>(PartColumns.Genre, nullable: true);

    public DataField Confidence { get; } = new DataField<float?>(PartColumns.Confidence);

    public IReadOnlyList<DataField> GenreFields { get; }

    public DataField Duration { get; } = new DataField<double?>(PartColumns.Duration);

    public DataField Error { get; } = new DataField<string>(PartColumns.Error, nullable: true);

    public DataField Model { get; } = new DataField<string>(PartColumns.Model, nullable: true);

    public DataField ElapsedMs { get; } = new DataField<long>(PartColumns.ElapsedMs);
}
