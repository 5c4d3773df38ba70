using System.Text.Json.Serialization;

namespace Genre.Evaluation;

/// <summary>
/// Compile-time JSON for the report files: snake_case keys like the Python tools reading them, culture-free numbers,
/// NaN allowed so a diverged epoch's loss is still recorded; no reflection, so the library stays AOT-compatible.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(EvaluationSummary))]
[JsonSerializable(typeof(HistoryDocument))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
