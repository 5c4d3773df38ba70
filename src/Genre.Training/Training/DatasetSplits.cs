using System.Globalization;
using Genre.Data;

namespace Genre.Training;

/// <summary>The ways to divide a <see cref="FeatureSet"/> (or any rows named by clip and labelled); each returns row indices.</summary>
internal static class DatasetSplits
{
    /// <summary>
    /// Makes the split(s) of <paramref name="kind"/>: one, or three for artist-3fold. <paramref name="lists"/> is the
    /// folder of train/valid/test.txt for fault-filtered and the csv for artist-3fold.
    /// </summary>
    public static IReadOnlyList<DataSplit> Make(SplitKind kind, FeatureSet features, int seed, string? lists = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Make(kind, features.Tracks, features.Labels, seed, lists);
    }

    /// <summary>The split(s) of <paramref name="kind"/> of rows whose clips are <paramref name="tracks"/> and classes <paramref name="labels"/>.</summary>
    public static IReadOnlyList<DataSplit> Make(SplitKind kind, IReadOnlyList<string> tracks, long[] labels, int seed, string? lists = null)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(labels);
        var clips = ClipIndex.Of(tracks, labels);
        return kind switch
        {
            SplitKind.Segment => [BySegment(labels, seed)],
            SplitKind.Track => [ByTrack(clips, seed)],
            SplitKind.FaultFiltered => [FaultFiltered(clips, lists ?? throw new TrainingException("--split fault-filtered needs --split-lists DIR (the folder with train.txt, valid.txt, test.txt)"))],
            SplitKind.Artist3Fold => ArtistFolds(clips, lists ?? throw new TrainingException("--split artist-3fold needs --split-lists FILE.csv (columns clip,genre,fold)"), seed),
            SplitKind.Stratified5Fold => StratifiedFolds(clips, 5, seed),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>
    /// The original: test = 20 % of all segments, then validation = 25 % of the rest (sklearn's sizes, so 9,986
    /// segments give 5,991 / 1,997 / 1,998), stratified by genre.
    /// </summary>
    public static DataSplit BySegment(long[] labels, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var (train, validation, test) = SixtyTwentyTwenty([.. Enumerable.Range(0, labels.Length)], labels, new Random(seed));
        return new DataSplit("segment", train, validation, test,
            $"segment: stratified 60/20/20 over segments (seed {seed}); segments of one clip can fall in different parts");
    }

    /// <summary>The same proportions over clips, stratified by genre: all of a clip's segments stay together.</summary>
    public static DataSplit ByTrack(FeatureSet features, int seed)
    {
        ArgumentNullException.ThrowIfNull(features);
        return ByTrack(ClipIndex.Of(features), seed);
    }

    private static DataSplit ByTrack(ClipIndex clips, int seed)
    {
        var (train, validation, test) = SixtyTwentyTwenty([.. Enumerable.Range(0, clips.Names.Count)], clips.Labels, new Random(seed));
        return new DataSplit("track", clips.Segments(train), clips.Segments(validation), clips.Segments(test),
            $"track: stratified 60/20/20 over clips per genre (seed {seed}; {train.Length}/{validation.Length}/{test.Length} clips); no clip in two parts");
    }

    public static DataSplit FaultFiltered(FeatureSet features, string directory)
    {
        ArgumentNullException.ThrowIfNull(features);
        return FaultFiltered(ClipIndex.Of(features), directory);
    }

    private static DataSplit FaultFiltered(ClipIndex clips, string directory)
    {
        var missing = new List<string>();
        int[] Part(string file)
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                throw new DatasetException(path, "split list not found (fault-filtered needs train.txt, valid.txt and test.txt)");
            }

            var indices = new List<int>();
            foreach (var line in File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                var track = Path.GetFileNameWithoutExtension(line.Replace('\\', '/').Split('/')[^1]);
                if (clips.Find(track) is { } clip)
                {
                    indices.Add(clip);
                }
                else
                {
                    missing.Add(track);
                }
            }

            return [.. indices];
        }

        var train = Part("train.txt");
        var validation = Part("valid.txt");
        var test = Part("test.txt");
        return new DataSplit("fault-filtered", clips.Segments(train), clips.Segments(validation), clips.Segments(test),
            $"fault-filtered: Sturm's lists in {directory} ({train.Length}/{validation.Length}/{test.Length} clips present, {missing.Count} listed clips missing)")
        {
            MissingClips = missing,
        };
    }

    /// <summary>Each fold in turn is the test set; validation is 20 % of the other folds' clips, stratified by genre.</summary>
    public static IReadOnlyList<DataSplit> ArtistFolds(FeatureSet features, string csv, int seed)
    {
        ArgumentNullException.ThrowIfNull(features);
        return ArtistFolds(ClipIndex.Of(features), csv, seed);
    }

    private static IReadOnlyList<DataSplit> ArtistFolds(ClipIndex clips, string csv, int seed)
    {
        if (!File.Exists(csv))
        {
            throw new DatasetException(csv, "fold list not found (artist-3fold needs a csv with columns clip,genre,fold)");
        }

        var fold = new Dictionary<int, string>();
        var missing = new List<string>();
        foreach (var (line, number) in File.ReadLines(csv).Select((l, i) => (l.Trim(), i + 1)).Skip(1).Where(x => x.Item1.Length > 0))
        {
            var fields = line.Split(',');
            if (fields.Length != 3 || fields[2].Trim().Length == 0)
            {
                throw new DatasetException(csv, $"line {number}: expected clip,genre,fold, got '{line}'");
            }

            if (clips.Find(fields[0].Trim()) is { } clip)
            {
                fold[clip] = fields[2].Trim();
            }
            else
            {
                missing.Add(fields[0].Trim());
            }
        }

        var folds = fold.Values.Distinct().Order(StringComparer.Ordinal).ToArray();
        if (folds.Length < 2)
        {
            throw new DatasetException(csv, $"the feature set's clips fall in {folds.Length} fold(s); cross-validation needs at least 2");
        }

        return [.. folds.Select((f, k) =>
        {
            var test = fold.Where(p => p.Value == f).Select(p => p.Key).Order().ToArray();
            int[] pool = [.. fold.Where(p => p.Value != f).Select(p => p.Key).Order()];
            var (train, validation) = StratifiedSplit.TrainTest(pool, [.. pool.Select(c => clips.Labels[c])], 0.2, new Random(seed + k));
            return new DataSplit($"fold-{f}", clips.Segments(train), clips.Segments(validation), clips.Segments(test),
                string.Create(CultureInfo.InvariantCulture,
                    $"artist-3fold: test = fold {f} of {csv}, validation = 20 % of the other folds' clips (seed {seed + k}; {train.Length}/{validation.Length}/{test.Length} clips, {missing.Count} listed clips missing)"))
            {
                MissingClips = missing,
            };
        })];
    }

    /// <summary>
    /// Stratified k-fold cross-validation over clips: each genre's clips, shuffled (seed), are dealt round-robin into
    /// <paramref name="folds"/> folds; each fold in turn is the test set, validation 20 % of the other folds' clips, stratified.
    /// </summary>
    private static IReadOnlyList<DataSplit> StratifiedFolds(ClipIndex clips, int folds, int seed)
    {
        var random = new Random(seed);
        var fold = new int[clips.Names.Count];
        foreach (var genre in Enumerable.Range(0, clips.Names.Count).GroupBy(c => clips.Labels[c]).OrderBy(g => g.Key))
        {
            var members = genre.ToArray();
            random.Shuffle(members);
            for (var i = 0; i < members.Length; i++)
            {
                fold[members[i]] = i % folds;
            }
        }

        return [.. Enumerable.Range(0, folds).Select(k =>
        {
            int[] test = [.. Enumerable.Range(0, fold.Length).Where(c => fold[c] == k)];
            int[] pool = [.. Enumerable.Range(0, fold.Length).Where(c => fold[c] != k)];
            var (train, validation) = StratifiedSplit.TrainTest(pool, [.. pool.Select(c => clips.Labels[c])], 0.2, new Random(seed + k + 1));
            return new DataSplit($"fold-{k + 1}", clips.Segments(train), clips.Segments(validation), clips.Segments(test),
                string.Create(CultureInfo.InvariantCulture,
                    $"stratified-5fold: test = fold {k + 1} of {folds} (clips of each genre dealt round-robin after a seed-{seed} shuffle), validation = 20 % of the other folds' clips ({train.Length}/{validation.Length}/{test.Length} clips)"));
        })];
    }

    private static (int[] Train, int[] Validation, int[] Test) SixtyTwentyTwenty(int[] items, long[] classes, Random random)
    {
        var (rest, test) = StratifiedSplit.TrainTest(items, classes, 0.2, random);
        var (train, validation) = StratifiedSplit.TrainTest(rest, [.. rest.Select(i => classes[i])], 0.25, random);
        return (train, validation, test);
    }
}
