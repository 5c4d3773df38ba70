using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Genre.Data;

namespace Genre.Evaluation;

/// <summary>How the report's text and JSON files are written: UTF-8 without BOM, atomically.</summary>
internal static class ReportFile
{
    /// <summary>
    /// snake_case keys like the Python tools reading them; System.Text.Json writes numbers culture-free; NaN is allowed
    /// so a diverged epoch's loss is still recorded.
    /// </summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void WriteJson<T>(string path, T value) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, value, JsonOptions));

    public static void WriteText(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }
}
