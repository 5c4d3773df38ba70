using System.Text;
using System.Text.Json;
using Genre.Inference;

namespace Genre.Cli.Commands;

/// <summary>One JSON Lines record per file: <c>file, genre, confidence, probabilities, segments</c>, or <c>file, error</c>.</summary>
internal static class PredictionJson
{
    public static string Line(string file, GenrePrediction? prediction, string? error, IReadOnlyList<string> genres)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("file", file);
            if (prediction is null)
            {
                json.WriteString("error", error);
            }
            else
            {
                if (prediction.Genre is null)
                {
                    json.WriteNull("genre");
                }
                else
                {
                    json.WriteString("genre", prediction.Genre);
                }

                json.WriteNumber("confidence", Math.Round(prediction.Confidence, 6));
                json.WriteBoolean("silent", prediction.IsSilent);
                json.WriteNumber("duration", Math.Round(prediction.Duration.TotalSeconds, 3));
                json.WritePropertyName("probabilities");
                WriteProbabilities(json, genres, prediction.Probabilities.Select(p => p.Probability).ToArray());
                json.WriteStartArray("segments");
                foreach (var segment in prediction.Segments)
                {
                    json.WriteStartObject();
                    json.WriteNumber("start", Math.Round(segment.Start.TotalSeconds, 3));
                    json.WriteBoolean("silent", segment.Silent);
                    json.WritePropertyName("probabilities");
                    WriteProbabilities(json, genres, segment.Probabilities);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteProbabilities(Utf8JsonWriter json, IReadOnlyList<string> genres, IReadOnlyList<float> probabilities)
    {
        json.WriteStartObject();
        for (var c = 0; c < genres.Count; c++)
        {
            json.WriteNumber(genres[c], Math.Round(probabilities[c], 6));
        }

        json.WriteEndObject();
    }
}
