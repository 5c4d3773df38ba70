using System.Diagnostics;

namespace Genre.Cli.Tests.TestSupport;

/// <summary>Runs a command-line tool to completion with extra environment variables, capturing its output.</summary>
internal static class ToolProcess
{
    public sealed record Result(string Command, int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"{Command}: exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    public static async Task<Result> RunAsync(string tool, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, TimeSpan timeout,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return await RunAsync(start, timeout);
    }

    /// <summary>Runs a prepared start (output redirected); past <paramref name="timeout"/> the process tree is killed and the test fails.</summary>
    public static async Task<Result> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish in {timeout.TotalSeconds:0} s");
        }

        return new Result($"{start.FileName} {string.Join(' ', start.ArgumentList)}", process.ExitCode, await output, await error);
    }
}
