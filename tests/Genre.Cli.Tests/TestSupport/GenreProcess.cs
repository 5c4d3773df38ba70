using System.Diagnostics;

namespace Genre.Cli.Tests.TestSupport;

/// <summary>
/// Runs the real <c>genre</c> program (built beside the tests) as a separate process, with a chosen environment, so
/// each test has its own HOME and Kaggle settings without touching the test process's.
/// </summary>
internal static class GenreProcess
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(5);

    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static Result Run(params string[] args) => RunAsync(new Dictionary<string, string?>(), args).GetAwaiter().GetResult();

    /// <summary>
    /// Runs the program without the power to ignore file permissions: as root (CI), through util-linux's
    /// <c>setpriv</c> with CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH dropped from its bounding set (still root, so the
    /// checkout stays readable wherever it is, but a mode-000 file is refused as for anyone else); otherwise as is.
    /// </summary>
    public static Result RunUnprivileged(params string[] args)
    {
        var start = StartInfo(new Dictionary<string, string?>(), args);
        if (Environment.IsPrivilegedProcess)
        {
            string[] program = [start.FileName, .. start.ArgumentList];
            start.FileName = "setpriv";
            start.ArgumentList.Clear();
            foreach (var arg in (string[])["--bounding-set=-dac_override,-dac_read_search", .. program])
            {
                start.ArgumentList.Add(arg);
            }
        }

        var result = ToolProcess.RunAsync(start, s_timeout).GetAwaiter().GetResult();
        return new Result(result.ExitCode, result.Output, result.Error);
    }

    /// <summary>Starts the program and returns at once, for a test that interrupts it; output is discarded.</summary>
    public static Process Start(params string[] args)
    {
        var start = StartInfo(new Dictionary<string, string?>(), args);
        start.RedirectStandardOutput = false;
        start.RedirectStandardError = false;
        return Process.Start(start)!;
    }

    /// <summary>
    /// Starts the program with its stderr to be read line by line (<see cref="WaitForErrorLineAsync"/>), for a test
    /// that interrupts it at a known point of its work; stdout is discarded.
    /// </summary>
    public static Process StartWatched(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = StartInfo(environment, args);
        start.RedirectStandardOutput = false;
        return Process.Start(start)!;
    }

    /// <summary>Reads <paramref name="process"/>'s stderr until a line contains <paramref name="text"/>; then keeps draining it so the program never blocks on a full pipe.</summary>
    public static async Task<string> WaitForErrorLineAsync(Process process, string text)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(s_timeout);
        var seen = new System.Text.StringBuilder();
        while (await process.StandardError.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.AppendLine(line);
            if (line.Contains(text, StringComparison.Ordinal))
            {
                _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
                return line;
            }
        }

        throw new InvalidOperationException($"the program ended (exit {(process.WaitForExit(10_000) ? process.ExitCode : -1)}) without printing '{text}'; its stderr:\n{seen}");
    }

    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var result = await ToolProcess.RunAsync(StartInfo(environment, args), s_timeout);
        return new Result(result.ExitCode, result.Output, result.Error);
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string?> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "genre.dll"));
        start.WorkingDirectory = RepositoryRoot; // relative paths as a user at the root types them (the README's)
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A test must never find the developer's real token or endpoint.
        foreach (var name in new[] { "KAGGLE_USERNAME", "KAGGLE_KEY", "KAGGLE_CONFIG_DIR", "KAGGLE_API_ENDPOINT" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["CI"] = "1"; // plain progress lines, no live bar
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Genre.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
