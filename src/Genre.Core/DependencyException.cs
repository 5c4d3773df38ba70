namespace Genre;

/// <summary>Something this machine must have installed is missing (a decoder library, the ffmpeg program).</summary>
public sealed class DependencyException : GenreException
{
    /// <summary>A missing-dependency error.</summary>
    /// <param name="message">What is missing and the command that installs it.</param>
    public DependencyException(string message)
        : base(message, null)
    {
    }
}
