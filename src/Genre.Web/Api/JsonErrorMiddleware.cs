using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Genre.Web.Api;

/// <summary>
/// The final exception handler: turns every exception into Problem Details (<see cref="ApiError"/>) with the status of
/// <see cref="HttpErrors"/>, and logs only the real bugs (500) with their stack trace.
/// </summary>
internal sealed partial class JsonErrorMiddleware(RequestDelegate next, ILogger<JsonErrorMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: there is nobody to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            var (status, message) = HttpErrors.Map(e);
            if (status == StatusCodes.Status500InternalServerError)
            {
                LogBug(logger, e, context.Request.Method, context.Request.Path);
            }

            await ApiError.WriteAsync(context, status, message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogBug(ILogger logger, Exception exception, string method, PathString path);
}
