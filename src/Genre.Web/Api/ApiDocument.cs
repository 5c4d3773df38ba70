using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Genre.Web.Api;

/// <summary>The OpenAPI document's own words: what the service is and how its errors look; the paths come from the endpoints.</summary>
internal static class ApiDocument
{
    public static void Configure(OpenApiOptions options) =>
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "genre serve",
                Version = "1",
                Description = "Tell the genre of a song. Every error is RFC 9457 Problem Details (application/problem+json) "
                    + "with type, title, status and detail.",
            };
            return Task.CompletedTask;
        });
}
