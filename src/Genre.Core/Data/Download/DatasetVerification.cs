namespace Genre.Data.Download;

/// <summary>The state of a freshly installed dataset, and the command that turns it into training features.</summary>
public sealed record DatasetVerification(
    string Root,
    IReadOnlyList<GenreSummary> Genres,
    IReadOnlyList<SkippedClip> Unreadable,
    string NextCommand)
{
    public int Clips => Genres.Sum(g => g.Clips);

    public TimeSpan Duration => Genres.Aggregate(TimeSpan.Zero, (sum, g) => sum + g.Duration);
}
