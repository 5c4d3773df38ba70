namespace Genre;

/// <summary>The audio decoded but holds fewer samples than the operation needs (for instance one 3 s segment).</summary>
public sealed class AudioTooShortException : GenreException
{
    /// <summary>An error whose message names the input, its length and the length needed.</summary>
    /// <param name="path">The file or upload name; null or empty for an unnamed stream.</param>
    /// <param name="duration">How long the decoded audio is.</param>
    /// <param name="needed">The least the operation needs.</param>
    public AudioTooShortException(string? path, TimeSpan duration, TimeSpan needed)
        : base($"{AudioDecodeException.Describe(path)}: audio is {duration.TotalSeconds:0.###} s long; at least {needed.TotalSeconds:0.###} s is needed", path)
    {
        Duration = duration;
        Needed = needed;
    }

    /// <summary>How long the decoded audio is.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The least length the operation needs (one segment or window of the model).</summary>
    public TimeSpan Needed { get; }
}
