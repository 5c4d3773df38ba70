using System.Diagnostics;
using Genre.Data.Download;
using Spectre.Console;

namespace Genre.Cli.Terminal;

/// <summary>
/// Long work as a Spectre.Console progress bar in a terminal, and as plain log lines (at most one a second, plus the
/// last) when output goes to a file or a pipe, where a bar would be noise.
/// </summary>
internal static class Progress
{
    public static bool Interactive =>
        !Console.IsErrorRedirected && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive
        && Environment.GetEnvironmentVariable("CI") is null;

    /// <summary>Runs <paramref name="work"/> with a reporter that takes (done, total, label).</summary>
    public static T Run<T>(string title, Func<Action<int, int, string>, T> work)
    {
        if (!Interactive)
        {
            var clock = Stopwatch.StartNew();
            var last = TimeSpan.FromSeconds(-1);
            var gate = new Lock();
            return work((done, total, label) =>
            {
                lock (gate)
                {
                    if (done == total || clock.Elapsed - last >= TimeSpan.FromSeconds(1))
                    {
                        last = clock.Elapsed;
                        Console.Error.WriteLine($"{title}: {done}/{total} {label}");
                    }
                }
            });
        }

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(CommandRunner.Safe(title));
                var gate = new Lock();
                result = work((done, total, label) =>
                {
                    lock (gate)
                    {
                        task.MaxValue = total;
                        task.Value = done;
                        task.Description = CommandRunner.Safe($"{title} {label}");
                    }
                });
            });
        return result;
    }

    /// <summary>Runs a transfer: a bar with bytes, speed and time left in a terminal, else a log line a second.</summary>
    public static T RunBytes<T>(string title, Func<IProgress<DownloadProgress>, T> work)
    {
        if (!Interactive)
        {
            var clock = Stopwatch.StartNew();
            var last = TimeSpan.FromSeconds(-1);
            return work(new Reporter<DownloadProgress>(value =>
            {
                var finished = value.BytesReceived == value.TotalBytes;
                if (finished || clock.Elapsed - last >= TimeSpan.FromSeconds(1))
                {
                    last = clock.Elapsed;
                    Console.Error.WriteLine($"{title}: {Describe(value)}");
                }
            }));
        }

        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn(),
                new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(CommandRunner.Safe(title));
                task.IsIndeterminate = true;
                result = work(new Reporter<DownloadProgress>(value =>
                {
                    if (value.TotalBytes is { } total)
                    {
                        task.IsIndeterminate = false;
                        task.MaxValue = total;
                    }

                    task.Value = value.BytesReceived;
                }));
            });
        return result;
    }

    private static string Describe(DownloadProgress value)
    {
        var text = ByteSize.Format(value.BytesReceived);
        if (value.TotalBytes is { } total and > 0)
        {
            text += $" of {ByteSize.Format(total)} ({100.0 * value.BytesReceived / total:0}%)";
        }

        text += $", {ByteSize.Format((long)value.BytesPerSecond)}/s";
        return value.Remaining is { } left ? text + $", {left:h\\:mm\\:ss} left" : text;
    }

    /// <summary>Calls back on the reporting thread, serialised (reports can come from thread-pool continuations).</summary>
    private sealed class Reporter<TValue>(Action<TValue> report) : IProgress<TValue>
    {
        private readonly Lock _gate = new();

        public void Report(TValue value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
