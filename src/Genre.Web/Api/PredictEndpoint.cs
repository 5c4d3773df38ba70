using System.ComponentModel;
using Genre.Inference;
using Genre.Web.Api.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Genre.Web.Api;

/// <summary>
/// <c>POST /predict?window=first30|full|spread&amp;tags=K</c> with the audio in the multipart field <c>file</c>: the prediction as the
/// CLI's JSON (without <c>file</c>). The upload stays in memory and is known only as "upload".
/// </summary>
internal static class PredictEndpoint
{
    public const string Field = "file";

    /// <summary>The only name an upload is ever given: the client's file name is never used.</summary>
    public const string UploadName = "upload";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/predict", HandleAsync)
            .WithSummary("Classify an uploaded song")
            .WithTags("genre")
            .WithDescription("The audio goes in the multipart/form-data field 'file' (wav, mp3, flac, ogg or m4a; recognised by its bytes, not its name). "
                + "Every error is RFC 9457 Problem Details (application/problem+json) with the reason in detail; 503 carries Retry-After.")
            .Produces<PredictionResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);

    /// <summary>More tags than anyone reads; a bound, so a request cannot ask for all 527 classes' worth of work.</summary>
    public const int MaxTags = 20;

    private static async Task<IResult> HandleAsync(HttpContext context, GenreClassifier classifier, ClassificationGate gate, GenreWebOptions options,
        [Description("first30: the first 30 s; full: every window; spread: 30 s worth of windows spread over the track. Absent: the model's own default.")] string? window,
        [Description("how many other music tags (instruments, moods, styles) to return, 0 to 20, for models that know them")] int? tags)
    {
        PredictionWindow? predictionWindow = null;
        if (!string.IsNullOrEmpty(window))
        {
            if (!PredictionWindows.TryParse(window, out var parsed))
            {
                return ApiError.Result(StatusCodes.Status400BadRequest, $"window must be {PredictionWindows.Names}, not '{window}'");
            }

            predictionWindow = parsed;
        }

        if (tags is < 0 or > MaxTags)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, $"tags must be between 0 and {MaxTags}, not {tags}");
        }

        if (!UploadReader.IsMultipart(context.Request))
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, $"send the audio as multipart/form-data in the field '{Field}'");
        }

        var aborted = context.RequestAborted;
        using var slot = await gate.EnterAsync(aborted);
        if (slot is null)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(gate.QueueTimeout.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiError.Result(StatusCodes.Status503ServiceUnavailable, "the server is busy classifying other files; try again in a moment");
        }

        if (await UploadReader.ReadFileAsync(context.Request, Field, options.MaxUploadBytes, aborted) is not { } bytes)
        {
            return ApiError.Result(StatusCodes.Status400BadRequest, $"no file: send the audio in the multipart field '{Field}'");
        }

        // The decoder checks the token between blocks, so a huge or pathological file cannot hold a slot forever.
        using var limit = new CancellationTokenSource(options.ClassifyTimeout);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(aborted, limit.Token);
        try
        {
            var prediction = classifier.Predict(bytes, UploadName, new PredictionOptions { Window = predictionWindow, Tags = tags ?? 0 }, either.Token);
            return Results.Bytes(PredictionJson.Utf8(prediction, classifier.Genres), "application/json");
        }
        catch (OperationCanceledException e) when (limit.IsCancellationRequested && !aborted.IsCancellationRequested)
        {
            throw new ClassifyTimeoutException(options.ClassifyTimeout, e);
        }
    }
}
