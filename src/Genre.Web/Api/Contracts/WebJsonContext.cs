using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;

namespace Genre.Web.Api.Contracts;

/// <summary>Source-generated JSON for every body the API writes through the framework: no reflection, so Native AOT can publish it.</summary>
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(GenresResponse))]
[JsonSerializable(typeof(PredictionResponse))]
[JsonSerializable(typeof(ProblemDetails))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
