using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Genre.Web.Api;

/// <summary>
/// Reads the one file field of a multipart upload into memory, streaming past every other part. Nothing touches the
/// disk (the framework's form reader spills large files to temp files) and the client's file name is never used.
/// </summary>
internal static class UploadReader
{
    /// <summary>Room for the multipart boundaries and part headers around the file itself.</summary>
    private const long MultipartOverhead = 64 * 1024;

    public static long MaxBodyBytes(long maxUploadBytes) => maxUploadBytes + MultipartOverhead;

    /// <summary>True when the request is multipart/form-data with a boundary, the only shape read here.</summary>
    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && !string.IsNullOrWhiteSpace(HeaderUtilities.RemoveQuotes(type.Boundary).Value);

    /// <summary>The bytes of the part named <paramref name="field"/>, or null when there is none.</summary>
    /// <exception cref="BadHttpRequestException">413 when the file is larger than <paramref name="maxBytes"/>.</exception>
    /// <exception cref="InvalidDataException">The body is not well-formed multipart.</exception>
    public static async Task<ReadOnlyMemory<byte>?> ReadFileAsync(HttpRequest request, string field, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes(maxBytes))
        {
            throw TooLarge(maxBytes);
        }

        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = MaxBodyBytes(maxBytes) };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.IsFileDisposition()
                && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(field, StringComparison.Ordinal))
            {
                return await ReadLimitedAsync(section.Body, maxBytes, cancellationToken);
            }
        }

        return null;
    }

    private static async Task<ReadOnlyMemory<byte>> ReadLimitedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (memory.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            memory.Write(chunk, 0, read);
        }

        return memory.GetBuffer().AsMemory(0, (int)memory.Length);
    }

    private static BadHttpRequestException TooLarge(long maxBytes) =>
        new($"the file is larger than the upload limit of {maxBytes / (1024.0 * 1024):0.#} MB", StatusCodes.Status413PayloadTooLarge);
}
