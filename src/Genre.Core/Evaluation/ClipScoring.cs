using System.Diagnostics;
using Genre.Data;
using Genre.Inference;

namespace Genre.Evaluation;

/// <summary>
/// Runs a classifier of any kind over a labelled audio folder (<c>&lt;dir&gt;/&lt;genre&gt;/*</c>, GTZAN's layout
/// included) and keeps each clip's raw window logits, so that evaluation and calibration fitting share one pass. The
/// folder's genre names must be genres of the model (a folder may hold only some of them). A file that cannot be read
/// is skipped and named, never an abort.
/// </summary>
internal static class ClipScoring
{
    public static ClipScoreSet Run(GenreClassifier classifier, string dataDirectory, PredictionWindow? window = null, int? threads = null,
        IProgress<ExtractionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var dataset = GtzanDataset.Open(dataDirectory);
        var unknown = dataset.Genres.Where(g => !classifier.Genres.Contains(g, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new DatasetException(dataDirectory,
                $"genre folder(s) {string.Join(", ", unknown)} are not genres of the model ({string.Join(", ", classifier.Genres)})");
        }

        var options = new PredictionOptions { Window = window };
        var clips = dataset.Clips;
        var scores = new ClipScore?[clips.Count];
        var skipped = new SkippedClip?[clips.Count];
        var done = 0;
        Parallel.For(0, clips.Count, new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
        {
            var clip = clips[i];
            var clock = Stopwatch.StartNew();
            try
            {
                var (_, _, outputs) = classifier.Score(clip.Path, options, cancellationToken);
                var label = IndexOf(classifier.Genres, clip.Genre);
                scores[i] = new ClipScore(clip.Track, clip.Path, label, outputs.GenreLogits, outputs.Silent, clock.Elapsed.TotalMilliseconds);
            }
            catch (Exception e) when (InputFailure.Is(e))
            {
                skipped[i] = new SkippedClip(clip.Path, InputFailure.Reason(e, clip.Path));
            }

            progress?.Report(new ExtractionProgress(Interlocked.Increment(ref done), clips.Count, clip.Track, skipped[i]));
        });

        return new ClipScoreSet(classifier.Genres, [.. scores.OfType<ClipScore>()], [.. skipped.OfType<SkippedClip>()]);
    }

    private static int IndexOf(IReadOnlyList<string> genres, string genre)
    {
        for (var i = 0; i < genres.Count; i++)
        {
            if (string.Equals(genres[i], genre, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new UnreachableException($"genre {genre} was checked against the model's");
    }
}
