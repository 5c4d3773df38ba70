using Genre.Audio;

namespace Genre.Data.Download;

/// <summary>
/// Checks an installed dataset file by file, from the headers only (a second or two for GTZAN): clips per genre,
/// total duration, and each unreadable file with its reason, so a bad file is known before a long extraction.
/// </summary>
public static class DatasetVerifier
{
    // Files broken in the Kaggle archive itself: re-downloading cannot fix them, and training leaves them out.
    private static readonly HashSet<string> s_knownCorrupt = new(StringComparer.Ordinal) { "jazz.00054.wav" };

    /// <summary>Reads the length of every clip of the dataset in <paramref name="destination"/>, in parallel.</summary>
    /// <param name="destination">The dataset folder (any layout <see cref="GtzanDataset.Open"/> takes).</param>
    /// <param name="cancellationToken">Stops between files.</param>
    /// <exception cref="DatasetException">The folder holds no dataset.</exception>
    public static DatasetVerification Verify(string destination, CancellationToken cancellationToken = default)
    {
        var dataset = GtzanDataset.Open(destination);
        var durations = new TimeSpan?[dataset.Clips.Count];
        var reasons = new string?[dataset.Clips.Count];
        Parallel.For(0, dataset.Clips.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var clip = dataset.Clips[i];
            try
            {
                durations[i] = AudioDuration.Read(clip.Path);
            }
            catch (GenreException e)
            {
                var reason = e is AudioDecodeException d ? d.Reason : e is UnsupportedAudioException u ? u.Reason : e.Message;
                reasons[i] = s_knownCorrupt.Contains(Path.GetFileName(clip.Path)) ? $"{reason} (known corrupt in the Kaggle archive; training skips it)" : reason;
            }
        });

        var genres = dataset.Genres.Select((genre, label) =>
        {
            var indices = Enumerable.Range(0, dataset.Clips.Count).Where(i => dataset.Clips[i].Label == label).ToList();
            return new GenreSummary(genre,
                indices.Count(i => durations[i] is not null),
                indices.Count(i => reasons[i] is not null),
                indices.Aggregate(TimeSpan.Zero, (sum, i) => sum + (durations[i] ?? TimeSpan.Zero)));
        }).ToList();
        var unreadable = Enumerable.Range(0, dataset.Clips.Count)
            .Where(i => reasons[i] is not null)
            .Select(i => new SkippedClip(dataset.Clips[i].Path, reasons[i]!))
            .ToList();
        return new DatasetVerification(dataset.Root, genres, unreadable, NextCommand(destination));
    }

    /// <summary>The exact command to run next, quoted for a POSIX shell where a path needs it.</summary>
    public static string NextCommand(string destination) =>
        $"genre extract --data {Quote(destination)} --out {Quote(Path.Combine(destination, "features.npz"))}";

    private static string Quote(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ',' or ':' or '=' or '@')
            ? path
            : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
