namespace Genre;

/// <summary>Something this machine must have installed is missing (a decoder library, the ffmpeg program).</summary>
public sealed class DependencyException : GenreException
{
    public DependencyException(string message)
        : base(message, null)
    {
    }
}
