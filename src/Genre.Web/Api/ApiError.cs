using Microsoft.AspNetCore.Http;

namespace Genre.Web.Api;

/// <summary>Every error the API sends has one shape: <c>{"error": "what went wrong, in plain words"}</c>.</summary>
internal sealed record ApiError(string Error)
{
    public static IResult Result(int status, string message) => Results.Json(new ApiError(message), statusCode: status);

    public static Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new ApiError(message), context.RequestAborted);
    }
}
