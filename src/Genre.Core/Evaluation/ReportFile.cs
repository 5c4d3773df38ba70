using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Genre.Data;

namespace Genre.Evaluation;

/// <summary>How the report's text and JSON files are written: UTF-8 without BOM, atomically; JSON through <see cref="ReportJsonContext"/>.</summary>
internal static class ReportFile
{
    public static void WriteJson<T>(string path, T value, JsonTypeInfo<T> type) =>
        AtomicFile.Write(path, stream => JsonSerializer.Serialize(stream, value, type));

    public static void WriteText(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }
}
