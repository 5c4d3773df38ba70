using Genre.Audio;
using Genre.Inference;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Genre.Web.Api;

/// <summary><c>GET /health</c> and <c>GET /genres</c>: what the loaded model is and which genres it knows.</summary>
internal static class ModelEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // The folder's name, not its path: a health check need not tell the server's layout.
        app.MapGet("/health", (GenreClassifier classifier) =>
            Results.Json(new { status = "ok", model = classifier.Name, kind = classifier.Kind, genres = classifier.Genres.Count,
                decoders = Decoders.Check().ToDictionary(d => d.Name, d => d.Available) }));
        app.MapGet("/genres", (GenreClassifier classifier) => Results.Json(new { genres = classifier.Genres }));
    }
}
