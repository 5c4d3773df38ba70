namespace Genre.Data.Download;

/// <summary>The state of a freshly installed dataset, and the command that turns it into training features.</summary>
/// <param name="Root">The folder holding the genre folders.</param>
/// <param name="Genres">Each genre's readable clips, their total length, and its unreadable files.</param>
/// <param name="Unreadable">Every file that cannot be read, with its reason.</param>
/// <param name="NextCommand">The <c>genre extract</c> command that makes the training features, quoted for a POSIX shell.</param>
public sealed record DatasetVerification(
    string Root,
    IReadOnlyList<GenreSummary> Genres,
    IReadOnlyList<SkippedClip> Unreadable,
    string NextCommand)
{
    /// <summary>Readable clips, all genres together.</summary>
    public int Clips => Genres.Sum(g => g.Clips);

    /// <summary>The total length of the readable clips.</summary>
    public TimeSpan Duration => Genres.Aggregate(TimeSpan.Zero, (sum, g) => sum + g.Duration);
}
