namespace Genre.Benchmarks;

/// <summary>Finds ../shared beside the repository root, wherever BenchmarkDotNet runs the benchmark from.</summary>
internal static class SharedData
{
    public static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference");
            if (Directory.Exists(candidate))
            {
                return Path.Combine(dir.FullName, "shared");
            }
        }

        throw new InvalidOperationException("Cannot find ../shared above " + AppContext.BaseDirectory);
    }

    /// <summary>The repository root (where Genre.slnx is), for the shipped models.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Genre.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Genre.slnx) above " + AppContext.BaseDirectory);
    }
}
