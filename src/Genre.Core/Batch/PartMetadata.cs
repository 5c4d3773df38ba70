using System.Globalization;
using System.Text.Json;
using Genre.Model;

namespace Genre.Batch;

/// <summary>
/// What a part (or a merged file) says about where it came from, as string key-value pairs: Parquet's key-value
/// metadata, or the <c>.meta.json</c> file beside a JSON Lines or CSV part. A rerun compares it with its own to tell a
/// finished shard ("already done") from a part of another run.
/// </summary>
/// <param name="ManifestSha256">SHA-256 of the manifest's bytes (<see cref="Manifest.Sha256"/>).</param>
/// <param name="ShardIndex">The shard, from 0; -1 for a merged file, which holds every shard.</param>
/// <param name="ShardCount">How many shards the run has.</param>
/// <param name="ModelSha256">The model's hash (<see cref="ModelFolder.Sha256"/>).</param>
/// <param name="FeatureVersion">The decoding and feature version the rows were made with (<see cref="CurrentFeatureVersion"/>).</param>
/// <param name="Window">Where each track was listened to: <c>first30</c>, <c>full</c> or <c>spread</c>.</param>
/// <param name="Format">The file's format.</param>
/// <param name="Rows">The rows the file holds.</param>
/// <param name="Genres">The model's genres, in the order of the probability columns.</param>
public sealed record PartMetadata(
    string ManifestSha256, int ShardIndex, int ShardCount, string ModelSha256, string FeatureVersion, string Window, PartFormat Format, long Rows, IReadOnlyList<string> Genres)
{
    /// <summary>Bumped whenever decoding or features change what a model outputs for the same file.</summary>
    public const string CurrentFeatureVersion = "1";

    /// <summary>The key of <see cref="ManifestSha256"/>.</summary>
    public const string ManifestKey = "genre.manifest_sha256";

    /// <summary>The key of <see cref="ShardIndex"/>.</summary>
    public const string ShardIndexKey = "genre.shard_index";

    /// <summary>The key of <see cref="ShardCount"/>.</summary>
    public const string ShardCountKey = "genre.shard_count";

    /// <summary>The key of <see cref="ModelSha256"/>.</summary>
    public const string ModelKey = "genre.model_sha256";

    /// <summary>The key of <see cref="FeatureVersion"/>.</summary>
    public const string FeatureVersionKey = "genre.feature_version";

    /// <summary>The key of <see cref="Window"/>.</summary>
    public const string WindowKey = "genre.window";

    /// <summary>The key of <see cref="Format"/>, stored as its extension.</summary>
    public const string FormatKey = "genre.format";

    /// <summary>The key of <see cref="Rows"/>.</summary>
    public const string RowsKey = "genre.rows";

    /// <summary>The key of <see cref="Genres"/>, stored comma-separated.</summary>
    public const string GenresKey = "genre.genres";

    /// <summary>The sidecar of a JSON Lines or CSV file: <c>part-00003-of-00016.jsonl.meta.json</c>.</summary>
    public static string SidecarPath(string path) => path + ".meta.json";

    /// <summary>The metadata as the key-value pairs a Parquet file or a sidecar stores, numbers in invariant culture.</summary>
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

    /// <summary>The sidecar's content: <see cref="ToDictionary"/> as a JSON object.</summary>
    public string ToJson() => JsonSerializer.Serialize(ToDictionary(), PartMetadataJsonContext.Default.DictionaryStringString);

    /// <summary>The metadata of a sidecar's content; an <see cref="InvalidDataException"/> when a key is missing or wrong.</summary>
    /// <exception cref="System.Text.Json.JsonException">The text is not a JSON object of strings.</exception>
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
