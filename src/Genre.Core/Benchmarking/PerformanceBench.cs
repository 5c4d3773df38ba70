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
internal static class PerformanceBench
{
    /// <summary>Files the in-process batch measurement classifies before it starts the clock.</summary>
    private const int BatchWarmUpFiles = 100;

    /// <summary>One clip to its 10 x 130 x 13 features, decode included, on the calling thread, exactly as <c>genre extract</c> does it.</summary>
    public static BenchResult Extraction(string clip, int repetitions = 20)
    {
        var extractor = MfccExtractor.Shared;
        var options = Data.DatasetExtractor.LoadOptions(extractor.Settings);
        var pool = Data.DatasetExtractor.DecodePool(extractor.Settings, workers: 1);
        var ms = BestMilliseconds(() => Data.DatasetExtractor.ExtractClip(clip, extractor, options, pool, CancellationToken.None), repetitions);
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
    /// The batch pipeline over <paramref name="count"/> inputs cycled from <paramref name="files"/> (each one decoded
    /// and featurised again: distinct inputs, page-cached bytes): files per second, and the process's peak resident
    /// memory during the run (VmHWM after resetting it through /proc/self/clear_refs), which must not grow with the count.
    /// </summary>
    public static (BenchResult Throughput, BenchResult CpuPerFile, BenchResult Memory) BatchThroughput(GenreClassifier classifier, IReadOnlyList<string> files, int count)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(files);
        var predictor = new Batch.BatchPredictor(classifier);
        // Steady state, as the rest of a long run sees it: a warm-up pass lets tiered compilation replace the first,
        // quickly-jitted code (BatchProcess measures a whole process, warm-up included).
        foreach (var _ in predictor.PredictAsync(files.Take(BatchWarmUpFiles).Select(f => new Batch.BatchInput(f, f))).ToBlockingEnumerable())
        {
        }

        Thread.Sleep(200);
        var inputs = Enumerable.Range(0, count).Select(i => new Batch.BatchInput($"{i}", files[i % files.Count]));
        GC.Collect();
        ResetPeakResident();
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var errors = 0;
        foreach (var result in predictor.PredictAsync(inputs).ToBlockingEnumerable())
        {
            errors += result.Error is null ? 0 : 1;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        self.Refresh();
        var cpuPerFile = (self.TotalProcessorTime - cpu).TotalMilliseconds / count;
        if (errors > 0)
        {
            throw new InvalidOperationException($"{errors} of {count} files failed; the benchmark measures classification only");
        }

        var targets = KindTargets.Of(classifier.Kind).Batch;
        var note = $"{classifier.Kind}, {count} x 30 s files after {BatchWarmUpFiles} to warm up, in process, {Environment.ProcessorCount} cores";
        // CPU time per file holds on a busy machine, where files per second only says how much of the cores this process got.
        return (new BenchResult("batch pipeline throughput", count / seconds, "files/s", "8 files/s", targets, note),
            new BenchResult("batch pipeline CPU per file", cpuPerFile, "ms", null, null, $"{note}; cores / this = files/s on idle cores"),
            new BenchResult("peak memory, batch pipeline", PeakResidentKilobytes(Environment.ProcessId) / 1024.0, "MB", null, "same for 200 and 2,000 files", note));
    }

    /// <summary>Linux: writing 5 to clear_refs resets VmHWM to the current resident size, so the next peak is this run's.</summary>
    private static void ResetPeakResident()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: the peak then includes what came before (model loading).
        }
    }

    /// <summary>
    /// A whole <c>genre predict</c> process on one file: wall time and peak resident memory (VmHWM, sampled every
    /// 5 ms from /proc while it runs).
    /// </summary>
    public static (BenchResult Wall, BenchResult Memory) ColdPrediction(ProcessStartInfo predict, string kind, string build = "JIT", int repetitions = 5)
    {
        var (best, peak) = RunProcess(predict, repetitions);
        return (new BenchResult($"predict 1 file, cold process, {build}", best, "ms", "1,800 ms", KindTargets.Of(kind).Cold, $"{kind}, start to exit"),
                new BenchResult($"peak memory, cold predict, {build}", peak / 1024.0, "MB", "418 MB", KindTargets.ColdPeak, $"{kind}, VmHWM, sampled"));
    }

    /// <summary>
    /// A whole <c>genre predict FOLDER</c> process over <paramref name="files"/> files, start to exit (model loading and,
    /// for a JIT build, all its compiling included): files per second, and its peak resident memory.
    /// </summary>
    public static (BenchResult Throughput, BenchResult Memory) BatchProcess(ProcessStartInfo predict, int files, string kind, string build, int repetitions = 3)
    {
        var (best, peak) = RunProcess(predict, repetitions);
        var note = $"{kind}, genre predict on a folder of {files} x 30 s files, start to exit, {Environment.ProcessorCount} cores";
        return (new BenchResult($"batch, whole process, {build}", files / (best / 1000), "files/s", "8 files/s", KindTargets.Of(kind).Batch, note),
                new BenchResult($"peak memory, batch process, {build}", peak / 1024.0, "MB", null, null, note));
    }

    /// <summary>Best wall time in ms of <paramref name="repetitions"/> runs of a process that must exit 0, and the highest peak resident memory (kB) seen.</summary>
    private static (double BestMilliseconds, long PeakKilobytes) RunProcess(ProcessStartInfo start, int repetitions)
    {
        ArgumentNullException.ThrowIfNull(start);
        var best = double.MaxValue;
        long peak = 0;
        for (var r = 0; r < repetitions; r++)
        {
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
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

        return (best, peak);
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
