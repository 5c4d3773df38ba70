using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Genre.Web.Api.Contracts;

/// <summary>One scored window of the track.</summary>
internal sealed record SegmentResponse(
    [property: JsonPropertyName("start"), Description("seconds from the start of the track")] double Start,
    [property: JsonPropertyName("silent")] bool Silent,
    [property: JsonPropertyName("probabilities"), Description("genre: probability for this window")] IReadOnlyDictionary<string, double> Probabilities);
