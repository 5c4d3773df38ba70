namespace Genre;

/// <summary>The audio decoded but holds fewer samples than the operation needs (for instance one 3 s segment).</summary>
public sealed class AudioTooShortException : GenreException
{
    public AudioTooShortException(string? path, TimeSpan duration, TimeSpan needed)
        : base($"{AudioDecodeException.Describe(path)}: audio is {duration.TotalSeconds:0.###} s long; at least {needed.TotalSeconds:0.###} s is needed", path)
    {
        Duration = duration;
        Needed = needed;
    }

    public TimeSpan Duration { get; }

    public TimeSpan Needed { get; }
}
