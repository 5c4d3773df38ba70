using DuckDB.NET.Data;
using Genre.Batch;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Core.Tests.Batch;

/// <summary>Parts in every format read back as written, and DuckDB, an independent reader with its own Parquet engine, reads the Parquet ones.</summary>
public sealed class PartFileTests : IDisposable
{
    private static readonly string[] s_genres = ["blues", "rock"];

    private static readonly PartRow[] s_rows =
    [
        new("a", "/music/a.wav", "rock", 0.75f, [0.25f, 0.75f], 30.0, null, "abc", 12),
        new("b, \"quoted\"", "/music/b.wav", null, null, null, null, "/music/b.wav: cannot decode audio: not audio", "abc", 3),
        new("c", "/music/c.wav", null, 0f, [0.5f, 0.5f], 4.25, null, "abc", 7),
    ];

    private static readonly PartMetadata s_metadata = new("m123", 2, 16, "abc", PartMetadata.CurrentFeatureVersion, "first30", PartFormat.Parquet, s_rows.Length, s_genres);

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(PartFormat format)
    {
        var path = _dir.File("part." + PartFormats.Extension(format));
        using (var stream = File.Create(path))
        using (var writer = PartWriters.Create(format, stream, s_genres))
        {
            foreach (var row in s_rows)
            {
                writer.Write(row);
            }

            writer.Complete(s_metadata with { Format = format });
        }

        if (format != PartFormat.Parquet)
        {
            File.WriteAllText(PartMetadata.SidecarPath(path), (s_metadata with { Format = format }).ToJson());
        }

        return path;
    }

    [Theory]
    [InlineData(PartFormat.Parquet)]
    [InlineData(PartFormat.Jsonl)]
    [InlineData(PartFormat.Csv)]
    public void A_part_reads_back_as_written_with_its_metadata(PartFormat format)
    {
        var path = Write(format);

        var rows = PartReader.ReadRows(path, format, s_genres).ToList();

        rows.Count.ShouldBe(s_rows.Length);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Probabilities.ShouldBe(s_rows[i].Probabilities);
            (rows[i] with { Probabilities = null }).ShouldBe(s_rows[i] with { Probabilities = null });
        }

        PartReader.ReadMetadata(path, format).ShouldBe(s_metadata with { Format = format }, new MetadataComparer());
    }

    [Fact]
    public void DuckDB_reads_a_parquet_part_columns_types_rows_values_and_metadata()
    {
        var path = Write(PartFormat.Parquet);
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();

        var columns = Query(connection, $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{path}'))");
        columns.Select(c => $"{c[0]} {c[1]}").ShouldBe([
            "id VARCHAR", "path VARCHAR", "genre VARCHAR", "confidence FLOAT", "blues FLOAT", "rock FLOAT",
            "duration DOUBLE", "error VARCHAR", "model VARCHAR", "elapsed_ms BIGINT"]);
        Query(connection, $"SELECT count(*), count(error), CAST(sum(elapsed_ms) AS BIGINT) FROM read_parquet('{path}')")[0].ShouldBe([3L, 1L, 22L]);
        Query(connection, $"SELECT id, genre, rock, duration FROM read_parquet('{path}') WHERE id = 'a'")[0].ShouldBe(["a", "rock", 0.75f, 30.0]);
        var metadata = Query(connection, $"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{path}')").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        metadata[PartMetadata.ManifestKey].ShouldBe("m123");
        metadata[PartMetadata.ShardIndexKey].ShouldBe("2");
        metadata[PartMetadata.ModelKey].ShouldBe("abc");
    }

    internal static List<object?[]> Query(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Records compare lists by reference; metadata is equal when its dictionaries are.</summary>
    private sealed class MetadataComparer : IEqualityComparer<PartMetadata>
    {
        public bool Equals(PartMetadata? x, PartMetadata? y) => x!.ToDictionary().OrderBy(p => p.Key).SequenceEqual(y!.ToDictionary().OrderBy(p => p.Key));

        public int GetHashCode(PartMetadata obj) => 0;
    }
}
