using Spectre.Console;

namespace Genre.Cli;

/// <summary>
/// Runs a command body and turns every error a user can cause into one line on stderr and a non-zero exit code.
/// A stack trace is shown only for a real bug, and only with GENRE_DEBUG=1.
/// </summary>
internal static class CommandRunner
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;
    public const int InternalError = 70;
    public const int Cancelled = 130;

    public static int Run(Func<CancellationToken, int> body)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return body(cancel.Token);
        }
        catch (Exception e)
        {
            return Handle(Unwrap(e));
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>
    /// Parallel work wraps what went wrong in an <see cref="AggregateException"/>; the user's error (a missing native
    /// library with its install hint, an unwritable folder) is the first inner one, and is reported as itself.
    /// </summary>
    private static Exception Unwrap(Exception e) =>
        e is AggregateException aggregate && aggregate.Flatten().InnerExceptions is [var first, ..] ? Unwrap(first) : e;

    private static int Handle(Exception e)
    {
        switch (e)
        {
            case GenreException:
            case UnauthorizedAccessException or IOException:
            case DllNotFoundException:
                return Fail(e.Message);
            case OperationCanceledException:
                Console.Error.WriteLine("cancelled");
                return Cancelled;
            default:
                Console.Error.WriteLine($"genre: internal error: {e.GetType().Name}: {e.Message}");
                Console.Error.WriteLine(Environment.GetEnvironmentVariable("GENRE_DEBUG") == "1"
                    ? e.ToString()
                    : "This is a bug; please report it with the command you ran (set GENRE_DEBUG=1 for details).");
                return InternalError;
        }
    }

    public static int Fail(string message)
    {
        Console.Error.WriteLine($"genre: error: {message}");
        return Failed;
    }

    /// <summary>Markup-safe text for Spectre.</summary>
    public static string Safe(string text) => Markup.Escape(text);
}
