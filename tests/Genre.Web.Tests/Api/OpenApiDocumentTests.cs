using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Genre.Inference;
using Genre.Web.Tests.TestSupport;
using Json.Schema;
using Shouldly;

namespace Genre.Web.Tests.Api;

/// <summary>
/// The OpenAPI document is generated from the endpoints; these tests hold it to what the endpoints really send: each
/// real answer (a prediction of the AudioSet default with tags, the CNN's, /health, /genres, a problem) must validate
/// against the schema the document gives for its status, with every property required and no other allowed.
/// </summary>
public sealed class OpenApiDocumentTests(TestModel model)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_document_is_OpenAPI_with_the_service_s_title_and_the_multipart_upload()
    {
        await using var server = await InMemoryServer.StartAsync(new GenreWebOptions { ModelDirectory = model.Directory });
        var document = await DocumentAsync(server);

        document["openapi"]!.GetValue<string>().ShouldStartWith("3.");
        document["info"]!["title"]!.GetValue<string>().ShouldBe("genre serve");
        var upload = document["paths"]!["/predict"]!["post"]!["requestBody"]!["content"]!["multipart/form-data"]!["schema"]!;
        var file = Resolve(document, Resolve(document, upload)["properties"]!["file"]!);
        file["format"]!.GetValue<string>().ShouldBe("binary");
        Resolve(document, upload)["required"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["file"]);
        var parameters = document["paths"]!["/predict"]!["post"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>());
        parameters.ShouldBe(["window", "tags"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_prediction_with_music_tags_and_other_sound_matches_the_documented_200_schema()
    {
        await using var server = await InMemoryServer.StartAsync(new GenreWebOptions { ModelDirectory = GenreClassifier.DefaultModelDirectory });
        var document = await DocumentAsync(server);

        using var response = await server.Client.PostAsync("/predict?tags=3&window=full", Uploads.File(TestModel.Clip("jazz.00000"), "a.wav"), Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
        body["tags"]!.AsArray().Count.ShouldBe(3);
        body["other_sound"].ShouldNotBeNull();
        ShouldMatch(document, "/predict", "post", 200, body);
    }

    [Fact]
    public async Task The_CNN_s_prediction_health_genres_and_problems_match_their_documented_schemas()
    {
        await using var server = await InMemoryServer.StartAsync(new GenreWebOptions { ModelDirectory = model.Directory });
        var document = await DocumentAsync(server);

        using (var response = await server.Client.PostAsync("/predict", Uploads.File(TestModel.Clip("rock.00000"), "a.wav"), Cancel))
        {
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
            body["music"].ShouldBeNull();
            ShouldMatch(document, "/predict", "post", 200, body);
        }

        ShouldMatch(document, "/health", "get", 200, JsonNode.Parse(await server.Client.GetStringAsync("/health", Cancel))!);
        ShouldMatch(document, "/genres", "get", 200, JsonNode.Parse(await server.Client.GetStringAsync("/genres", Cancel))!);
        foreach (var (content, status) in new[] { (Uploads.File("not audio"u8.ToArray(), "a.txt"), 415), (Uploads.File([], "a.wav", field: "other"), 400) })
        {
            using var response = await server.Client.PostAsync("/predict", content, Cancel);
            ((int)response.StatusCode).ShouldBe(status);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            ShouldMatch(document, "/predict", "post", status, JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!, "application/problem+json");
        }
    }

    private static async Task<JsonNode> DocumentAsync(InMemoryServer server) =>
        JsonNode.Parse(await server.Client.GetStringAsync("/openapi/v1.json", Cancel))!;

    private static void ShouldMatch(JsonNode document, string path, string method, int status, JsonNode body, string contentType = "application/json")
    {
        var schema = document["paths"]![path]![method]!["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            ?["content"]?[contentType]?["schema"]
            ?? throw new ShouldAssertException($"{method.ToUpperInvariant()} {path} documents no {contentType} body for {status}");
        var strict = Strict(document, schema);
        var result = JsonSchema.FromText(strict.ToJsonString()).Evaluate(JsonDocument.Parse(body.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        result.IsValid.ShouldBeTrue($"{method.ToUpperInvariant()} {path} {status} does not match its documented schema:\n{string.Join("\n", errors)}\nbody: {body.ToJsonString()}");
    }

    /// <summary>
    /// The document's schema as a standalone JSON Schema (components as $defs) in which every documented property is
    /// required and no undocumented one is allowed: a body and its description must agree both ways.
    /// </summary>
    private static JsonNode Strict(JsonNode document, JsonNode schema)
    {
        var defs = JsonNode.Parse(document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!;
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = defs,
            ["$ref"] = JsonNode.Parse(schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal))!["$ref"]?.DeepClone(),
        };
        if (root["$ref"] is null)
        {
            root["allOf"] = new JsonArray(JsonNode.Parse(schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal)));
            root.Remove("$ref");
        }

        Tighten(root);
        return root;
    }

    private static void Tighten(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                // Problem Details may carry extensions (traceId); every other object is closed.
                if (obj["properties"] is JsonObject properties && !properties.ContainsKey("instance"))
                {
                    obj["required"] = new JsonArray([.. properties.Select(p => (JsonNode)p.Key)]);
                    obj["additionalProperties"] = false;
                }

                foreach (var child in obj.Select(p => p.Value).ToList())
                {
                    Tighten(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Tighten(child);
                }

                break;
        }
    }

    private static JsonNode Resolve(JsonNode document, JsonNode schema) =>
        schema["$ref"]?.GetValue<string>() is { } reference
            ? document["components"]!["schemas"]![reference["#/components/schemas/".Length..]]!
            : schema;
}
