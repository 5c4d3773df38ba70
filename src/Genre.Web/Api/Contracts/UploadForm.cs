using System.ComponentModel;
using Microsoft.AspNetCore.Http;

namespace Genre.Web.Api.Contracts;

// For the OpenAPI document only: the endpoint streams the multipart body itself (UploadReader) rather than binding a
// form, so nothing is spilled to disk. The summary below is what API clients read.

/// <summary>The song to classify, as multipart/form-data.</summary>
internal sealed record UploadForm([property: Description("wav, mp3, flac, ogg or m4a; recognised by its bytes, not its name")] IFormFile File);
