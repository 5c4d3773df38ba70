using System.Text.Json.Serialization;

namespace Genre.Web.Api.Contracts;

/// <summary>A sound class and its probability.</summary>
internal sealed record TagResponse(
    [property: JsonPropertyName("tag")] string Tag,
    [property: JsonPropertyName("probability")] double Probability);
