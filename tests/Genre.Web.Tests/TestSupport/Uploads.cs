using System.Net.Http.Headers;

namespace Genre.Web.Tests.TestSupport;

/// <summary>Multipart bodies as a browser sends them.</summary>
internal static class Uploads
{
    public static MultipartFormDataContent File(byte[] bytes, string fileName, string field = "file")
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, field, fileName);
        return content;
    }
}
