using Genre.Core.Tests.TestSupport;
using Genre.Data;
using Genre.Training;
using Shouldly;

namespace Genre.Core.Tests.Training;

public sealed class DatasetSplitsTests
{
    private static readonly string[] Genres = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"];

    /// <summary>GTZAN-like labels: 10 genres, <paramref name="total"/> segments, genre g holding ~1/10.</summary>
    private static long[] Labels(int total) => [.. Enumerable.Range(0, total).Select(i => (long)(i * 10 / total))];

    /// <summary>A tiny feature set: clips "genre.0000k" of 10 segments each (the MFCC values do not matter to splits).</summary>
    private static FeatureSet Clips(int perGenre)
    {
        var tracks = Genres.SelectMany(g => Enumerable.Range(0, perGenre).SelectMany(k => Enumerable.Repeat($"{g}.{k:D5}", 10))).ToArray();
        var labels = tracks.Select(t => (long)Array.IndexOf(Genres, t[..t.IndexOf('.', StringComparison.Ordinal)])).ToArray();
        var segments = tracks.Select((_, i) => (long)(i % 10)).ToArray();
        return new FeatureSet(new float[tracks.Length * 2], labels, Genres, tracks, segments, 1, 2);
    }

    private static void ShouldPartition(DataSplit split, int count)
    {
        int[] all = [.. split.Train, .. split.Validation, .. split.Test];
        all.Order().ShouldBe(Enumerable.Range(0, count));
    }

    // The original's 9,986 GTZAN segments (999 clips, a few short) gave 5,991 / 1,997 / 1,998: test = ceil(0.2 n),
    // then validation = ceil(0.25 * rest). (9,990 segments would give 5,994 / 1,998 / 1,998 under the same rule.)
    [Theory]
    [InlineData(9986, 5991, 1997, 1998)]
    [InlineData(9990, 5994, 1998, 1998)]
    [InlineData(1029, 617, 206, 206)]
    public void Segment_split_has_sklearns_sizes(int total, int train, int validation, int test)
    {
        var split = DatasetSplits.BySegment(Labels(total), seed: 42);
        split.Train.Length.ShouldBe(train);
        split.Validation.Length.ShouldBe(validation);
        split.Test.Length.ShouldBe(test);
        ShouldPartition(split, total);
    }

    [Fact]
    public void Segment_split_is_stratified_and_seeded()
    {
        var labels = Labels(9986);
        var split = DatasetSplits.BySegment(labels, seed: 1);
        foreach (var g in Enumerable.Range(0, 10))
        {
            var inGenre = labels.Count(l => l == g);
            split.Test.Count(i => labels[i] == g).ShouldBeInRange((int)Math.Floor(inGenre * 0.2), (int)Math.Ceiling(inGenre * 0.2) + 1);
        }

        DatasetSplits.BySegment(labels, seed: 1).Test.ShouldBe(split.Test);
        DatasetSplits.BySegment(labels, seed: 2).Test.ShouldNotBe(split.Test);
    }

    [Fact]
    public void Stratified_5fold_tests_every_clip_once_keeps_clips_whole_and_stratifies_each_fold()
    {
        var features = Clips(perGenre: 10);
        var folds = DatasetSplits.Make(SplitKind.Stratified5Fold, features, 3);
        folds.Count.ShouldBe(5);
        var tested = new List<string>();
        foreach (var fold in folds)
        {
            ShouldPartition(fold, features.Count);
            var parts = new[] { fold.Train, fold.Validation, fold.Test }.Select(p => p.Select(i => features.Tracks[i]).ToHashSet()).ToArray();
            parts[0].Overlaps(parts[1]).ShouldBeFalse();
            parts[0].Overlaps(parts[2]).ShouldBeFalse();
            parts[1].Overlaps(parts[2]).ShouldBeFalse();
            // Two of each genre's ten clips in every test fold.
            parts[2].GroupBy(t => t.Split('.')[0]).Select(g => g.Count()).ShouldAllBe(n => n == 2);
            parts[2].Count.ShouldBe(20);
            tested.AddRange(parts[2]);
        }

        tested.Order().ShouldBe(features.Tracks.Distinct().Order());
        DatasetSplits.Make(SplitKind.Stratified5Fold, features, 3)[0].Test.ShouldBe(folds[0].Test);
        DatasetSplits.Make(SplitKind.Stratified5Fold, features, 4)[0].Test.ShouldNotBe(folds[0].Test);
    }

    [Fact]
    public void Track_split_keeps_clips_whole_and_takes_60_20_20_of_each_genres_clips()
    {
        var features = Clips(perGenre: 10);
        var split = DatasetSplits.ByTrack(features, seed: 42);
        ShouldPartition(split, features.Count);
        var train = split.Train.Select(i => features.Tracks[i]).ToHashSet();
        var validation = split.Validation.Select(i => features.Tracks[i]).ToHashSet();
        var test = split.Test.Select(i => features.Tracks[i]).ToHashSet();
        train.Overlaps(validation).ShouldBeFalse();
        train.Overlaps(test).ShouldBeFalse();
        validation.Overlaps(test).ShouldBeFalse();
        foreach (var genre in Genres)
        {
            train.Count(t => t.StartsWith(genre + ".", StringComparison.Ordinal)).ShouldBe(6);
            validation.Count(t => t.StartsWith(genre + ".", StringComparison.Ordinal)).ShouldBe(2);
            test.Count(t => t.StartsWith(genre + ".", StringComparison.Ordinal)).ShouldBe(2);
        }
    }

    [Fact]
    public void Fault_filtered_split_follows_the_lists_and_reports_missing_clips()
    {
        var features = Clips(perGenre: 3);
        var directory = Directory.CreateTempSubdirectory("genre-lists-").FullName;
        File.WriteAllLines(Path.Combine(directory, "train.txt"), ["blues/blues.00000.wav", "rock/rock.00000.wav", "jazz/jazz.00054.wav"]);
        File.WriteAllLines(Path.Combine(directory, "valid.txt"), ["blues/blues.00001.wav"]);
        File.WriteAllLines(Path.Combine(directory, "test.txt"), ["pop/pop.00002.wav", ""]);
        var split = DatasetSplits.FaultFiltered(features, directory);
        split.Train.Select(i => features.Tracks[i]).Distinct().ShouldBe(["blues.00000", "rock.00000"]);
        split.Train.Length.ShouldBe(20);
        split.Validation.Select(i => features.Tracks[i]).Distinct().ShouldBe(["blues.00001"]);
        split.Test.Select(i => features.Tracks[i]).Distinct().ShouldBe(["pop.00002"]);
        split.MissingClips.ShouldBe(["jazz.00054"]);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Shared_fault_filtered_lists_have_no_clip_in_two_parts()
    {
        var directory = Path.Combine(TestPaths.Splits, "fault-filtered");
        string[] Read(string file) => [.. File.ReadLines(Path.Combine(directory, file)).Where(l => l.Length > 0)];
        var all = Read("train.txt").Concat(Read("valid.txt")).Concat(Read("test.txt")).ToList();
        all.Distinct().Count().ShouldBe(all.Count);
    }

    [Fact]
    public void Artist_folds_test_each_fold_once_and_carve_validation_from_the_others()
    {
        var features = Clips(perGenre: 9);
        var csv = Path.Combine(Directory.CreateTempSubdirectory("genre-folds-").FullName, "folds.csv");
        File.WriteAllLines(csv, ["clip,genre,fold", .. features.Tracks.Distinct().Select((t, i) => $"{t},{t[..t.IndexOf('.', StringComparison.Ordinal)]},{1 + (i % 3)}"), "blues.00099,blues,2"]);
        var splits = DatasetSplits.ArtistFolds(features, csv, seed: 42);
        splits.Count.ShouldBe(3);
        splits.SelectMany(s => s.Test).Order().ShouldBe(Enumerable.Range(0, features.Count));
        foreach (var split in splits)
        {
            ShouldPartition(split, features.Count);
            split.Test.Select(i => features.Tracks[i]).Intersect(split.Train.Select(i => features.Tracks[i])).ShouldBeEmpty();
            split.Validation.Length.ShouldBe(120);
            split.MissingClips.ShouldBe(["blues.00099"]);
        }
    }

    [Fact]
    public void Missing_list_files_are_dataset_errors()
    {
        var features = Clips(perGenre: 1);
        Should.Throw<DatasetException>(() => DatasetSplits.FaultFiltered(features, "/nonexistent")).Message.ShouldContain("train.txt");
        Should.Throw<DatasetException>(() => DatasetSplits.ArtistFolds(features, "/nonexistent.csv", 1)).Message.ShouldContain("fold list not found");
        Should.Throw<TrainingException>(() => DatasetSplits.Make(SplitKind.FaultFiltered, features, 1)).Message.ShouldContain("--split-lists");
    }
}
