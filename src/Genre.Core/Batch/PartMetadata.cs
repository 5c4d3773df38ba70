using System.Globalization;
using System.Text.Json;

namespace Genre.Batch;

/// <summary>
/// What a part (or a merged file) says about where it came from, as string key-value pairs: Parquet's key-value
/// metadata, or the <c>.meta.json</c> file beside a JSON Lines or CSV part. A rerun compares it with its own to tell a
/// finished shard ("already done") from a part of another run.
/// </summary>
public sealed record PartMetadata(
    string ManifestSha256, int ShardIndex, int ShardCount, string ModelSha256, string FeatureVersion, string Window, PartFormat Format, long Rows, IReadOnlyList<string> Genres)
{
    /// <summary>Bumped whenever decoding or features change what a model outputs for the same file.</summary>
    public const string CurrentFeatureVersion = "1";

    public const string ManifestKey = "genre.manifest_sha256";
    public const string ShardIndexKey = "genre.shard_index";
    public const string ShardCountKey = "genre.shard_count";
    public const string ModelKey = "genre.model_sha256";
    public const string FeatureVersionKey = "genre.feature_version";
    public const string WindowKey = "genre.window";
    public const string FormatKey = "genre.format";
    public const string RowsKey = "genre.rows";
    public const string GenresKey = "genre.genres";

    /// <summary>The sidecar of a JSON Lines or CSV file: <c>part-00003-of-00016.jsonl.meta.json</c>.</summary>
    public static string SidecarPath(string path) => path + ".meta.json";

    public Dictionary<string, string> ToDictionary() => new()
    {
        [ManifestKey] = ManifestSha256,
        [ShardIndexKey] = ShardIndex.ToString(CultureInfo.InvariantCulture),
        [ShardCountKey] = ShardCount.ToString(CultureInfo.InvariantCulture),
        [ModelKey] = ModelSha256,
        [FeatureVersionKey] = FeatureVersion,
        [WindowKey] = Window,
        [FormatKey] = PartFormats.Extension(Format),
        [RowsKey] = Rows.ToString(CultureInfo.InvariantCulture),
        [GenresKey] = string.Join(',', Genres),
    };

    /// <summary>The metadata in <paramref name="pairs"/>; an <see cref="InvalidDataException"/> saying which key is missing or wrong.</summary>
    public static PartMetadata FromDictionary(IReadOnlyDictionary<string, string> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        string Get(string key) => pairs.TryGetValue(key, out var value) ? value : throw new InvalidDataException($"no '{key}' in its metadata");
        long Number(string key) => long.TryParse(Get(key), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : throw new InvalidDataException($"'{key}' is not a number");
        return new PartMetadata(Get(ManifestKey), checked((int)Number(ShardIndexKey)), checked((int)Number(ShardCountKey)), Get(ModelKey), Get(FeatureVersionKey), Get(WindowKey),
            PartFormats.TryParse(Get(FormatKey), out var format) ? format : throw new InvalidDataException($"'{FormatKey}' is not a known format"),
            Number(RowsKey), Get(GenresKey).Split(','));
    }

    public string ToJson() => JsonSerializer.Serialize(ToDictionary(), PartMetadataJsonContext.Default.DictionaryStringString);

    public static PartMetadata FromJson(string json) =>
        FromDictionary(JsonSerializer.Deserialize(json, PartMetadataJsonContext.Default.DictionaryStringString) ?? throw new InvalidDataException("the metadata is JSON null"));

    /// <summary>How this run's metadata differs from <paramref name="other"/>'s in what makes the parts interchangeable (not the row count); empty when it does not.</summary>
    public IReadOnlyList<string> Differences(PartMetadata other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var differences = new List<string>();
        void Check(string what, string mine, string theirs)
        {
            if (mine != theirs)
            {
                differences.Add($"{what} {theirs} (this run: {mine})");
            }
        }

        Check("manifest sha256", ManifestSha256, other.ManifestSha256);
        Check("shard", $"{ShardIndex} of {ShardCount}", $"{other.ShardIndex} of {other.ShardCount}");
        Check("model sha256", ModelSha256, other.ModelSha256);
        Check("feature version", FeatureVersion, other.FeatureVersion);
        Check("window", Window, other.Window);
        Check("format", PartFormats.Extension(Format), PartFormats.Extension(other.Format));
        return differences;
    }
}
