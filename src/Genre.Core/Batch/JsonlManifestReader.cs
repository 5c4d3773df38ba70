using System.Globalization;
using System.Text.Json;

namespace Genre.Batch;

/// <summary>A <c>.jsonl</c> manifest: one JSON object per line with a string <c>path</c> and optionally an <c>id</c> (string or number); blank lines are skipped.</summary>
internal static class JsonlManifestReader
{
    public static IEnumerable<ManifestRow> Read(TextReader reader, string manifest)
    {
        var number = 0L;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Row(line, number, manifest);
        }
    }

    private static ManifestRow Row(string line, long number, string manifest)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new ManifestException(manifest, $"line {number}", $"not a JSON object: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestException(manifest, $"line {number}", "not a JSON object; each line is like {\"path\": \"a.mp3\", \"id\": \"a\"}");
            }

            if (!root.TryGetProperty("path", out var path) || path.ValueKind != JsonValueKind.String)
            {
                throw new ManifestException(manifest, $"line {number}", "no string \"path\"; each line is like {\"path\": \"a.mp3\", \"id\": \"a\"}");
            }

            string? id = null;
            if (root.TryGetProperty("id", out var value))
            {
                id = value.ValueKind switch
                {
                    JsonValueKind.String => value.GetString(),
                    JsonValueKind.Number => value.GetRawText(),
                    JsonValueKind.Null => null,
                    _ => throw new ManifestException(manifest, $"line {number}", $"\"id\" is a JSON {value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture)}; it must be a string or a number"),
                };
            }

            return new ManifestRow(number, path.GetString()!, id);
        }
    }
}
