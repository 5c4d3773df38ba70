namespace Genre.Batch;

/// <summary>A <c>.csv</c> manifest: a header naming a <c>path</c> column and optionally an <c>id</c> column (any others are ignored), then one row per track.</summary>
internal static class CsvManifestReader
{
    public static IEnumerable<ManifestRow> Read(TextReader reader, string manifest)
    {
        int path = -1, id = -1, width = 0;
        var header = true;
        IEnumerable<(long Line, List<string> Fields)> records = CsvRecords.Read(reader);
        using var e = records.GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext())
                {
                    break;
                }
            }
            catch (InvalidDataException x)
            {
                throw new ManifestException(manifest, null, x.Message, x);
            }

            var (line, fields) = e.Current;
            if (header)
            {
                header = false;
                width = fields.Count;
                path = fields.FindIndex(f => string.Equals(f.Trim(), "path", StringComparison.OrdinalIgnoreCase));
                id = fields.FindIndex(f => string.Equals(f.Trim(), "id", StringComparison.OrdinalIgnoreCase));
                if (path < 0)
                {
                    throw new ManifestException(manifest, $"line {line}", "the header has no 'path' column (a CSV manifest starts with a header such as: id,path)");
                }

                continue;
            }

            if (fields.Count != width)
            {
                throw new ManifestException(manifest, $"line {line}", $"{fields.Count} fields, but the header has {width}");
            }

            yield return new ManifestRow(line, fields[path], id < 0 || fields[id].Length == 0 ? null : fields[id]);
        }

        if (header)
        {
            throw new ManifestException(manifest, null, "empty: a CSV manifest starts with a header such as: id,path");
        }
    }
}
