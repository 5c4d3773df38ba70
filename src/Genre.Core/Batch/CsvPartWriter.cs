using System.Globalization;
using System.Text;

namespace Genre.Batch;

/// <summary>A part as CSV (RFC 4180): a header of the <see cref="PartColumns"/>, then one line per row; a null is an empty field.</summary>
internal sealed class CsvPartWriter : IPartWriter
{
    private readonly StreamWriter _writer;
    private readonly int _genres;

    public CsvPartWriter(Stream stream, IReadOnlyList<string> genres)
    {
        _writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        _genres = genres.Count;
        _writer.WriteLine(string.Join(',', PartColumns.Names(genres).Select(CsvRecords.Field)));
    }

    public void Write(PartRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var fields = new List<string?>(_genres + 8) { row.Id, row.Path, row.Genre, Number(row.Confidence) };
        for (var g = 0; g < _genres; g++)
        {
            fields.Add(Number(row.Probabilities?[g]));
        }

        fields.Add(row.Duration?.ToString(CultureInfo.InvariantCulture));
        fields.Add(row.Error);
        fields.Add(row.Model);
        fields.Add(row.ElapsedMs.ToString(CultureInfo.InvariantCulture));
        _writer.WriteLine(string.Join(',', fields.Select(CsvRecords.Field)));
    }

    private static string? Number(float? value) => value?.ToString(CultureInfo.InvariantCulture);

    public void Complete(PartMetadata metadata) => _writer.Flush();

    public void Dispose() => _writer.Dispose();
}
