using System.Text.Json.Serialization;

namespace Genre.Batch;

/// <summary>Source-generated JSON for the metadata sidecar: a flat object of strings, indented for people.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class PartMetadataJsonContext : JsonSerializerContext;
