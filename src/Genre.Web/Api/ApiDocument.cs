using Microsoft.AspNetCore.OpenApi;
using Genre.Web.Api.Contracts;
using Microsoft.OpenApi;

namespace Genre.Web.Api;

/// <summary>The OpenAPI document's own words: what the service is and how its errors look; the paths come from the endpoints.</summary>
internal static class ApiDocument
{
    public static void Configure(OpenApiOptions options)
    {
        options.AddOperationTransformer(DescribeUploadAsync);
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

    /// <summary>
    /// The upload's body, described here rather than with <c>Accepts</c> metadata: that would also make routing answer
    /// any other content type with 415 before the endpoint, where the API answers 400 with what to send.
    /// </summary>
    private static async Task DescribeUploadAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.RelativePath != "predict")
        {
            return;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(UploadForm), null, cancellationToken) },
            },
        };
    }
}
