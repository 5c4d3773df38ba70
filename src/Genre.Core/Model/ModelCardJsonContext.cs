using System.Text.Json.Serialization;

namespace Genre.Model;

/// <summary>
/// Compile-time JSON metadata for <see cref="ModelCard"/>: reflection-based System.Text.Json spent 100-200 ms of
/// JIT on the first card read, most of a cold <c>genre predict</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ModelCard))]
internal sealed partial class ModelCardJsonContext : JsonSerializerContext;
