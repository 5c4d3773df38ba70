using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Genre.Web.Api.Contracts;

/// <summary>The body of <c>GET /genres</c>.</summary>
internal sealed record GenresResponse(
    [property: JsonPropertyName("genres"), Description("the genres the model knows, in its output order")] IReadOnlyList<string> Genres);
