namespace Genre.Batch;

/// <summary>A <c>.txt</c> manifest: one path per line; blank lines and lines starting with <c>#</c> are skipped; the id is the path.</summary>
internal static class TextManifestReader
{
    public static IEnumerable<ManifestRow> Read(TextReader reader)
    {
        var number = 0L;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            yield return new ManifestRow(number, line, null);
        }
    }
}
