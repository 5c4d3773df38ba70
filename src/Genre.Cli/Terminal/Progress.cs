using System.Diagnostics;
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
}
