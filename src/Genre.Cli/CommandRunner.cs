using System.Runtime.InteropServices;
using Spectre.Console;

namespace Genre.Cli;

/// <summary>
/// Runs a command body and turns every error a user can cause into one line on stderr and a non-zero exit code.
/// A stack trace is shown only for a real bug, and only with GENRE_DEBUG=1. Batch runs (<see cref="RunBatch"/>) speak
/// the sysexits codes schedulers act on: 65 means retrying will not help, 75 means it will.
/// </summary>
internal static class CommandRunner
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    /// <summary>EX_DATAERR: the input is wrong and a retry will fail the same way (a bad manifest, a part of another run in the folder).</summary>
    public const int DataError = 65;

    public const int InternalError = 70;

    /// <summary>EX_TEMPFAIL: worth retrying as it is (output folder not writable, disk full, interrupted by SIGTERM or Ctrl-C).</summary>
    public const int TemporaryFailure = 75;

    public const int Cancelled = 130;

    public static int Run(Func<CancellationToken, int> body) => Run(body, batch: false);

    /// <summary>
    /// For a shard of a batch run: SIGTERM (a scheduler's preemption or timeout) and Ctrl-C cancel the work, which
    /// removes its temporary part, and exit 75; an output folder that cannot be written is 75 too.
    /// </summary>
    public static int RunBatch(Func<CancellationToken, int> body) => Run(body, batch: true);

    private static int Run(Func<CancellationToken, int> body, bool batch)
    {
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerminate = batch ? PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        }) : null;
        try
        {
            return body(cancel.Token);
        }
        catch (Exception e)
        {
            return batch ? HandleBatch(Unwrap(e)) : Handle(Unwrap(e));
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    private static int HandleBatch(Exception e)
    {
        switch (e)
        {
            case OutputException:
                Fail(e.Message);
                return TemporaryFailure;
            case ShardException:
                // Which shard to run is part of the command line, even when it comes from the environment.
                Fail(e.Message);
                return BadUsage;
            case OperationCanceledException:
                Console.Error.WriteLine("genre: interrupted: the unfinished part was removed; run the same command again to redo this shard");
                return TemporaryFailure;
            default:
                return Handle(e);
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
            case ManifestException or PartConflictException:
                Fail(e.Message);
                return DataError;
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
