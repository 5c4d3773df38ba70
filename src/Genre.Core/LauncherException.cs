namespace Genre;

/// <summary>
/// A setting of a generated launcher (Slurm array script, Kubernetes Job) that the scheduler would reject or read
/// differently than meant: a malformed memory size, a Job name Kubernetes refuses, a path Slurm cannot take.
/// </summary>
public sealed class LauncherException : GenreException
{
    /// <summary>A launcher-setting error.</summary>
    /// <param name="message">Which setting, what is wrong with it, and what the scheduler accepts.</param>
    public LauncherException(string message)
        : base(message, path: null)
    {
    }
}
