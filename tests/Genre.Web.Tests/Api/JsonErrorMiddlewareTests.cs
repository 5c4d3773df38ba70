using System.Text.Json;
using Genre.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;

namespace Genre.Web.Tests.Api;

/// <summary>The final exception handler: each error a client can cause has its status; only bugs are 500.</summary>
public sealed class JsonErrorMiddlewareTests
{
    public static TheoryData<Exception, int> Errors => new()
    {
        { new UnsupportedAudioException("upload", "the content is text, not audio"), 415 },
        { new AudioDecodeException("upload", "truncated"), 422 },
        { new AudioTooShortException("upload", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)), 422 },
        { new ModelFileException("m", "corrupt"), 422 },
        { new BadHttpRequestException("too big", 413), 413 },
        { new InvalidDataException("Multipart body length limit exceeded"), 400 },
        { new ClassifyTimeoutException(TimeSpan.FromSeconds(1), new OperationCanceledException()), 504 },
        { new NullReferenceException("a bug"), 500 },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Every_exception_becomes_a_JSON_error_with_its_status(Exception error, int status)
    {
        var services = new ServiceCollection().AddOptions().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() }, RequestServices = services };
        var middleware = new JsonErrorMiddleware(_ => throw error, NullLogger<JsonErrorMiddleware>.Instance);

        await middleware.InvokeAsync(context);

        context.Response.StatusCode.ShouldBe(status);
        context.Response.Body.Position = 0;
        using var json = await JsonDocument.ParseAsync(context.Response.Body, cancellationToken: TestContext.Current.CancellationToken);
        context.Response.ContentType.ShouldBe("application/problem+json");
        json.RootElement.GetProperty("status").GetInt32().ShouldBe(status);
        var message = json.RootElement.GetProperty("detail").GetString()!;
        if (status == 500)
        {
            message.ShouldBe(HttpErrors.InternalError); // a bug's details stay in the log
        }
        else
        {
            message.ShouldEndWith(error.Message);
        }
    }
}
