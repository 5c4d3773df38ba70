using Microsoft.AspNetCore.Http;

namespace Genre.Web.Api;

/// <summary>
/// Which HTTP status each error a client can cause gets. Anything not listed is a bug in this program, and only
/// that is a 500: no upload, however broken, should reach it.
/// </summary>
internal static class HttpErrors
{
    public const string InternalError = "internal error; this is a bug in the server, please report it";

    public static (int Status, string Message) Map(Exception exception) => exception switch
    {
        // Kestrel's own body limit (413), and the upload reader's.
        BadHttpRequestException e => (e.StatusCode, e.Message),
        // A multipart body that does not parse.
        InvalidDataException e => (StatusCodes.Status400BadRequest, $"the request is not valid multipart/form-data: {e.Message}"),
        UnsupportedAudioException e => (StatusCodes.Status415UnsupportedMediaType, e.Message),
        AudioTooShortException e => (StatusCodes.Status422UnprocessableEntity, e.Message),
        AudioDecodeException e => (StatusCodes.Status422UnprocessableEntity, e.Message),
        ClassifyTimeoutException e => (StatusCodes.Status504GatewayTimeout, e.Message),
        // Any other error about the input names the input and the cause; still the client's, not a bug.
        GenreException e => (StatusCodes.Status422UnprocessableEntity, e.Message),
        _ => (StatusCodes.Status500InternalServerError, InternalError),
    };
}
