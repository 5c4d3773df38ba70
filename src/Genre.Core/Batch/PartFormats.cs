namespace Genre.Batch;

/// <summary>Names and extensions of <see cref="PartFormat"/>s.</summary>
public static class PartFormats
{
    /// <summary>The format's file extension without the dot (<c>parquet</c>, <c>jsonl</c>, <c>csv</c>), which is also its name on the command line.</summary>
    public static string Extension(PartFormat format) => format switch
    {
        PartFormat.Parquet => "parquet",
        PartFormat.Jsonl => "jsonl",
        PartFormat.Csv => "csv",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The format named <paramref name="text"/> (its extension, any case); false for any other text or null.</summary>
    public static bool TryParse(string? text, out PartFormat format)
    {
        foreach (var candidate in Enum.GetValues<PartFormat>())
        {
            if (string.Equals(text, Extension(candidate), StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>The format a file name's extension names (<c>all.parquet</c>); false for any other.</summary>
    public static bool TryFromPath(string path, out PartFormat format) =>
        TryParse(Path.GetExtension(path).TrimStart('.'), out format);
}
