using System.Globalization;
using Genre.Data;
using Genre.Training;

namespace Genre.Benchmarking;

/// <summary><c>genre bench</c>'s training measurement, apart from <see cref="PerformanceBench"/> because it needs libtorch.</summary>
internal static class TrainingBench
{
    /// <summary>Training speed on features of the real shape: one warm-up epoch, then a timed one.</summary>
    public static BenchResult Run(int segments = 5991, int threads = 2)
    {
        var random = new Random(1);
        var mfcc = new float[segments * 130 * 13];
        for (var i = 0; i < mfcc.Length; i++)
        {
            mfcc[i] = (float)((random.NextDouble() * 100) - 50);
        }

        // Ten segments per clip, one genre per clip, as extract writes them.
        var labels = Enumerable.Range(0, segments).Select(i => (long)(i / 10 % 10)).ToArray();
        var tracks = Enumerable.Range(0, segments).Select(i => $"clip{i / 10:D5}").ToArray();
        var features = new FeatureSet(mfcc, labels, ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"],
            tracks, [.. Enumerable.Range(0, segments).Select(i => (long)(i % 10))], 130, 13);
        var all = Enumerable.Range(0, segments).ToArray();
        var split = new DataSplit("bench", all, all[..Math.Min(1000, segments)], all[..Math.Min(100, segments)], "benchmark: random features of the real shape");
        var epochs = new List<EpochReport>();
        using var result = Trainer.Train(features, split, new TrainingOptions { Epochs = 2, Threads = threads }, epochs.Add);
        var epoch = epochs[^1].EpochTime.TotalSeconds;
        return new BenchResult("training", segments / epoch, "samples/s", "1,089 samples/s", ">= 1,361 samples/s",
            string.Create(CultureInfo.InvariantCulture, $"{epoch:0.00} s/epoch of {segments:N0}, {threads} threads"));
    }
}
