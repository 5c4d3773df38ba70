using System.Text.Json;

namespace Genre.Batch;

/// <summary>A part as JSON Lines: one object per row with the <see cref="PartColumns"/> as keys, nulls written as null.</summary>
internal sealed class JsonlPartWriter(Stream stream, IReadOnlyList<string> genres) : IPartWriter
{
    private readonly Utf8JsonWriter _json = new(stream);

    public void Write(PartRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteString(PartColumns.Id, row.Id);
        _json.WriteString(PartColumns.Path, row.Path);
        _json.WriteString(PartColumns.Genre, row.Genre);
        Number(PartColumns.Confidence, row.Confidence);
        for (var g = 0; g < genres.Count; g++)
        {
            Number(genres[g], row.Probabilities?[g]);
        }

        if (row.Duration is { } duration)
        {
            _json.WriteNumber(PartColumns.Duration, duration);
        }
        else
        {
            _json.WriteNull(PartColumns.Duration);
        }

        _json.WriteString(PartColumns.Error, row.Error);
        _json.WriteString(PartColumns.Model, row.Model);
        _json.WriteNumber(PartColumns.ElapsedMs, row.ElapsedMs);
        _json.WriteEndObject();
        _json.Flush();
        stream.WriteByte((byte)'\n');
    }

    private void Number(string name, float? value)
    {
        if (value is { } v)
        {
            _json.WriteNumber(name, v);
        }
        else
        {
            _json.WriteNull(name);
        }
    }

    public void Complete(PartMetadata metadata) => stream.Flush();

    public void Dispose() => _json.Dispose();
}
