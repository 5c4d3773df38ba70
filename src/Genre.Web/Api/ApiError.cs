using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Genre.Web.Api;

/// <summary>
/// Every error the API sends is RFC 9457 Problem Details (<c>application/problem+json</c>: <c>type</c>, <c>title</c>,
/// <c>status</c>, <c>detail</c>), written by ASP.NET Core's own <see cref="IProblemDetailsService"/>
/// (<c>AddProblemDetails</c>); <c>detail</c> says what went wrong in plain words, as FastAPI clients expect.
/// </summary>
internal static class ApiError
{
    public static IResult Result(int status, string message) => Results.Problem(detail: message, statusCode: status);

    public static async Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = { Status = status, Detail = message } });
    }
}
