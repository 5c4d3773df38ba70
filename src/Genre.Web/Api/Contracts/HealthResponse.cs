using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Genre.Web.Api.Contracts;

/// <summary>The body of <c>GET /health</c>.</summary>
/// <param name="Status">Always <c>ok</c> when the server answers.</param>
/// <param name="Model">The model folder's name (<c>default</c>, <c>gtzan-cnn</c>), not its path.</param>
/// <param name="Kind">The model's kind (<c>mfcc-cnn</c>, <c>audioset</c>, ...).</param>
/// <param name="Genres">How many genres the model tells apart.</param>
/// <param name="Decoders">Each audio decoder the server uses, and whether it is installed.</param>
internal sealed record HealthResponse(
    [property: JsonPropertyName("status"), Description("ok when the server answers")] string Status,
    [property: JsonPropertyName("model"), Description("the model folder's name, not its path")] string Model,
    [property: JsonPropertyName("kind"), Description("the model's kind")] string Kind,
    [property: JsonPropertyName("genres"), Description("how many genres the model tells apart")] int Genres,
    [property: JsonPropertyName("decoders"), Description("each audio decoder and whether it is installed")] IReadOnlyDictionary<string, bool> Decoders);
