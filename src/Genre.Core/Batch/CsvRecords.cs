using System.Text;

namespace Genre.Batch;

/// <summary>
/// RFC 4180 records: fields separated by commas, optionally in double quotes (a quote inside doubled, commas and line
/// breaks allowed inside); LF or CRLF line ends. Each record comes with the line it starts on. A quote left open is an
/// <see cref="InvalidDataException"/> naming that line. Used for CSV manifests and CSV parts alike.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<(long Line, List<string> Fields)> Read(TextReader reader)
    {
        var line = 1L;
        var fields = new List<string>();
        var field = new StringBuilder();
        var start = line;
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    any = true;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n':
                    if (any || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return (start, fields);
                        fields = [];
                    }

                    field.Clear();
                    any = false;
                    line++;
                    start = line;
                    break;
                default:
                    field.Append((char)c);
                    break;
            }
        }

        if (quoted)
        {
            throw new InvalidDataException($"line {start}: a quoted field is never closed");
        }

        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }

    /// <summary>A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break; null is empty.</summary>
    public static string Field(string? value)
    {
        if (value is null)
        {
            return string.Empty;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
