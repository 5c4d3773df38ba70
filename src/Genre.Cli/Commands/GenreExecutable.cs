namespace Genre.Cli.Commands;

/// <summary>How a generated script starts this same genre: the apphost, or <c>dotnet genre.dll</c> when run that way.</summary>
internal static class GenreExecutable
{
    public static IReadOnlyList<string> Current()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of the running program is unknown");
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, Path.Combine(AppContext.BaseDirectory, "genre.dll")]
            : [process];
    }

    /// <summary>A path given with <c>--genre</c>: made absolute when it has a folder part, looked up on the PATH when it is a bare name.</summary>
    public static IReadOnlyList<string> Given(string path) =>
        [path.Contains('/', StringComparison.Ordinal) ? Path.GetFullPath(path) : path];
}
