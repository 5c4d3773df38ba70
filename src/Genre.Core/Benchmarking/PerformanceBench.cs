using System.Diagnostics;
using System.Globalization;
using Genre.Audio;
using Genre.Features;
using Genre.Inference;

namespace Genre.Benchmarking;

/// <summary>
/// What <c>genre bench</c> measures on the current machine. Every figure is a best-of-N wall time of real work
/// (no synthetic shortcuts), so the table can be compared with the original system's figures.
/// </summary>
public static class PerformanceBench
{
    /// <summary>One clip to its 10 x 130 x 13 features, decode included, on the calling thread.</summary>
    public static BenchResult Extraction(string clip, int repetitions = 20)
    {
        var extractor = MfccExtractor.Shared;
        var options = new AudioLoadOptions { MaxSamples = extractor.Settings.ClipSamples };
        var ms = BestMilliseconds(() => extractor.ComputeSegments(AudioLoader.Load(clip, options).Samples), repetitions);
        return new BenchResult("extraction per 30 s clip", ms, "ms", "153 ms", "<= 7.65 ms", "decode + 10 MFCC, 1 thread");
    }

    /// <summary>A warm classifier, one 30 s file from disk to calibrated probabilities (decode included).</summary>
    public static BenchResult WarmPrediction(GenreClassifier classifier, string file, int repetitions = 20)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var ms = BestMilliseconds(() => classifier.Predict(file), repetitions);
        var targets = KindTargets.Of(classifier.Kind);
        return new BenchResult("predict 30 s file, warm", ms, "ms", targets.WarmOriginal, targets.Warm, $"{classifier.Kind}, in process, 1 thread");
    }

    /// <summary>
    /// A long song with the model's default window: its whole decode (a spread choice needs the whole track) and the
    /// windows it picks. Four minutes is a typical song.
    /// </summary>
    public static BenchResult LongSongPrediction(GenreClassifier classifier, string file, TimeSpan duration, int repetitions = 5)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var ms = BestMilliseconds(() => classifier.Predict(file), repetitions, warmUpCalls: 3);
        var window = PredictionWindows.Name(classifier.DefaultWindow);
        return new BenchResult($"predict {duration.TotalMinutes:0}-minute song, warm", ms, "ms", null, null, $"{classifier.Kind}, window {window}, decode included (all of it for spread and full)");
    }

    /// <summary>Front end and network alone, from samples in memory: windows per second.</summary>
    public static BenchResult InferenceThroughput(GenreClassifier classifier, string file, int repetitions = 50)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var signal = AudioLoader.Load(file, new AudioLoadOptions { SampleRate = classifier.SampleRate, MaxSamples = 30 * classifier.SampleRate });
        var windows = classifier.Predict(signal).Segments.Count;
        var ms = BestMilliseconds(() => classifier.Predict(signal), repetitions);
        return new BenchResult("inference from samples", windows / (ms / 1000), "windows/s", null, null, $"{classifier.Kind}: the {windows} windows of 30 s per call, front end + network, 1 thread");
    }

    /// <summary>
    /// A whole <c>genre predict</c> process on one file: wall time and peak resident memory (VmHWM, sampled every
    /// 5 ms from /proc while it runs).
    /// </summary>
    public static (BenchResult Wall, BenchResult Memory) ColdPrediction(ProcessStartInfo predict, string kind, string build = "JIT", int repetitions = 5)
    {
        ArgumentNullException.ThrowIfNull(predict);
        var best = double.MaxValue;
        long peak = 0;
        for (var r = 0; r < repetitions; r++)
        {
            predict.RedirectStandardOutput = true;
            predict.RedirectStandardError = true;
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(predict) ?? throw new InvalidOperationException("could not start " + predict.FileName);
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            long runPeak = 0;
            while (!process.WaitForExit(5))
            {
                runPeak = Math.Max(runPeak, PeakResidentKilobytes(process.Id));
            }

            clock.Stop();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"genre predict failed (exit {process.ExitCode}): {error.Result}{output.Result}");
            }

            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            peak = Math.Max(peak, runPeak);
        }

        return (new BenchResult($"predict 1 file, cold process, {build}", best, "ms", "1,800 ms", KindTargets.Of(kind).Cold, $"{kind}, start to exit"),
                new BenchResult($"peak memory, cold predict, {build}", peak / 1024.0, "MB", "418 MB", KindTargets.ColdPeak, $"{kind}, VmHWM, sampled"));
    }

    private static long PeakResidentKilobytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            // The process ended between two samples.
        }

        return 0;
    }

    /// <summary>
    /// Best of <paramref name="repetitions"/> timed calls after a warm-up long enough for tiered compilation to
    /// replace the first, quickly-jitted code (30 calls, then a background compile): steady state, as a dataset sees it.
    /// </summary>
    private static double BestMilliseconds(Action action, int repetitions, int warmUpCalls = 40)
    {
        var warmUp = Stopwatch.StartNew();
        for (var calls = 0; calls < warmUpCalls || warmUp.ElapsedMilliseconds < 500; calls++)
        {
            action();
        }

        Thread.Sleep(200);
        var best = double.MaxValue;
        for (var i = 0; i < repetitions; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return best;
    }
}
