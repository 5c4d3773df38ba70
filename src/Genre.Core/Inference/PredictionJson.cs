using System.Text;
using System.Text.Json;

namespace Genre.Inference;

/// <summary>
/// The one JSON shape of a prediction, shared by every host: <c>genre, confidence, silent, music, is_music, duration,
/// window, probabilities {genre: p}, tags [{tag, probability}], segments [{start, silent, probabilities}]</c>. The CLI's JSON Lines add <c>file</c> (or
/// <c>file, error</c>); the web API sends the object without it.
/// </summary>
public static class PredictionJson
{
    /// <summary>One JSON Lines record for a file: its prediction, or its error.</summary>
    /// <param name="file">The file, as the user named it.</param>
    /// <param name="prediction">Its prediction; null when it failed.</param>
    /// <param name="error">Why it failed; written only when <paramref name="prediction"/> is null.</param>
    /// <param name="genres">The classifier's genres, which name the probabilities.</param>
    /// <returns>One line of JSON, without the newline.</returns>
    public static string Line(string file, GenrePrediction? prediction, string? error, IReadOnlyList<string> genres) =>
        Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("file", file);
            if (prediction is null)
            {
                json.WriteString("error", error);
            }
            else
            {
                WriteProperties(json, prediction, genres);
            }

            json.WriteEndObject();
        });

    /// <summary>The prediction alone, as UTF-8 JSON: the web API's answer.</summary>
    /// <param name="prediction">The prediction.</param>
    /// <param name="genres">The classifier's genres, which name the probabilities.</param>
    public static byte[] Utf8(GenrePrediction prediction, IReadOnlyList<string> genres)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        return WriteUtf8(json =>
        {
            json.WriteStartObject();
            WriteProperties(json, prediction, genres);
            json.WriteEndObject();
        });
    }

    private static void WriteProperties(Utf8JsonWriter json, GenrePrediction prediction, IReadOnlyList<string> genres)
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
        if (prediction.MusicProbability is { } music)
        {
            json.WriteNumber("music", Math.Round(music, 6));
            json.WriteBoolean("is_music", prediction.IsMusic ?? true);
        }
        else
        {
            json.WriteNull("music");
            json.WriteNull("is_music");
        }

        if (prediction.OtherSound is { } other)
        {
            json.WriteStartObject("other_sound");
            json.WriteString("tag", other.Tag);
            json.WriteNumber("probability", Math.Round(other.Probability, 6));
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("other_sound");
        }

        json.WriteNumber("duration", Math.Round(prediction.Duration.TotalSeconds, 3));
        json.WriteString("window", PredictionWindows.Name(prediction.Window));
        json.WritePropertyName("probabilities");
        WriteProbabilities(json, genres, prediction.Probabilities.Select(p => p.Probability).ToArray());
        json.WriteStartArray("tags");
        foreach (var tag in prediction.Tags)
        {
            json.WriteStartObject();
            json.WriteString("tag", tag.Tag);
            json.WriteNumber("probability", Math.Round(tag.Probability, 6));
            json.WriteEndObject();
        }

        json.WriteEndArray();
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

    private static void WriteProbabilities(Utf8JsonWriter json, IReadOnlyList<string> genres, IReadOnlyList<float> probabilities)
    {
        json.WriteStartObject();
        for (var c = 0; c < genres.Count; c++)
        {
            json.WriteNumber(genres[c], Math.Round(probabilities[c], 6));
        }

        json.WriteEndObject();
    }

    private static string Write(Action<Utf8JsonWriter> write) => Encoding.UTF8.GetString(WriteUtf8(write));

    private static byte[] WriteUtf8(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            write(json);
        }

        return buffer.ToArray();
    }
}
