using Genre.Audio;
using Genre.Inference;
using Genre.Web.Api.Contracts;
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
            TypedResults.Ok(new HealthResponse("ok", classifier.Name, classifier.Kind, classifier.Genres.Count,
                Decoders.Check().ToDictionary(d => d.Name, d => d.Available))))
            .WithSummary("Is the server up, and with which model").WithTags("genre");
        app.MapGet("/genres", (GenreClassifier classifier) => TypedResults.Ok(new GenresResponse(classifier.Genres)))
            .WithSummary("The genres the model knows, in its output order").WithTags("genre");
    }
}
