using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Genre.Web.Api.Contracts;

// For the OpenAPI document only: the body itself is written by Inference.PredictionJson, the one JSON shape every
// host shares, and OpenApiDocumentTests checks real answers against the schema generated from this type.

/// <summary>What the song is: the genre (or why none), every genre's probability, and each scored window.</summary>
internal sealed record PredictionResponse(
    [property: JsonPropertyName("genre"), Description("null when the audio is silent or does not sound like music")] string? Genre,
    [property: JsonPropertyName("confidence"), Description("the named genre's probability; 0 when none is named")] double Confidence,
    [property: JsonPropertyName("silent"), Description("no window held audible sound")] bool Silent,
    [property: JsonPropertyName("music"), Description("the network's strongest music class; null for models that cannot tell")] double? Music,
    [property: JsonPropertyName("is_music"), Description("false when the network hears something else more strongly than any music; then no genre is named")] bool? IsMusic,
    [property: JsonPropertyName("other_sound"), Description("the strongest sound class that is not music; null for models that cannot tell")] TagResponse? OtherSound,
    [property: JsonPropertyName("duration"), Description("seconds of audio decoded")] double Duration,
    [property: JsonPropertyName("window"), Description("which part of the track was scored: first30, full or spread")] string Window,
    [property: JsonPropertyName("probabilities"), Description("genre: probability, in the model's genre order")] IReadOnlyDictionary<string, double> Probabilities,
    [property: JsonPropertyName("tags"), Description("the strongest other music tags, as many as asked for")] IReadOnlyList<TagResponse> Tags,
    [property: JsonPropertyName("segments"), Description("every scored window")] IReadOnlyList<SegmentResponse> Segments);
