using System.Diagnostics;
using Genre.Audio;
using Genre.Features;

namespace Genre.Data;

/// <summary>
/// Turns a GTZAN-style dataset into the original system's training features, clips in parallel. A clip that cannot be
/// read, or is shorter than one segment, is skipped and reported with its reason: never an abort, never silent.
/// </summary>
public static class DatasetExtractor
{
    /// <summary>The MFCC segments of the first 30 s of every clip, labelled by genre folder, with what was skipped and why.</summary>
    /// <param name="dataset">The opened dataset.</param>
    /// <param name="extractor">The MFCC settings to extract with; null for the original system's (<see cref="MfccExtractor.Shared"/>).</param>
    /// <param name="progress">Told after each clip (its name, and its reason when it was skipped).</param>
    /// <param name="maxDegreeOfParallelism">Clips decoded at once; null for one per core.</param>
    /// <param name="cancellationToken">Stops between clips.</param>
    /// <returns>The feature set (clips in dataset order), the skipped clips, and the time taken.</returns>
    public static ExtractionResult Extract(GtzanDataset dataset, MfccExtractor? extractor = null, IProgress<ExtractionProgress>? progress = null,
        int? maxDegreeOfParallelism = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        extractor ??= MfccExtractor.Shared;
        var settings = extractor.Settings;
        var clips = dataset.Clips;
        var results = new SegmentedMfcc?[clips.Count];
        var silences = new bool[clips.Count][];
        var reasons = new string?[clips.Count];
        var loadOptions = new AudioLoadOptions { SampleRate = settings.SampleRate, MaxSamples = settings.ClipSamples };
        long clipTicks = 0;
        var done = 0;
        var total = Stopwatch.StartNew();
        Parallel.For(0, clips.Count, new ParallelOptions
        {
            MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        }, i =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                var signal = AudioLoader.Load(clips[i].Path, loadOptions, cancellationToken);
                var segments = extractor.ComputeSegments(signal.Samples);
                if (segments.Count == 0)
                {
                    reasons[i] = $"shorter than one {settings.SegmentDuration.TotalSeconds:0.#} s segment ({signal.Duration.TotalSeconds:0.###} s)";
                }
                else
                {
                    results[i] = segments;
                    silences[i] = [.. segments.SegmentIndices.Select(s => Kinds.SignalWindows.IsSilent(
                        signal.Samples.AsSpan(s * settings.SegmentSamples, Math.Min(settings.SegmentSamples, signal.Samples.Length - (s * settings.SegmentSamples)))))];
                }
            }
            catch (Exception e) when (InputFailure.Is(e))
            {
                reasons[i] = InputFailure.Reason(e, clips[i].Path);
            }

            Interlocked.Add(ref clipTicks, Stopwatch.GetTimestamp() - start);
            var n = Interlocked.Increment(ref done);
            progress?.Report(new ExtractionProgress(n, clips.Count, clips[i].Track, reasons[i] is { } r ? new SkippedClip(clips[i].Path, r) : null));
        });
        total.Stop();

        var skipped = new List<SkippedClip>();
        for (var i = 0; i < clips.Count; i++)
        {
            if (reasons[i] is { } reason)
            {
                skipped.Add(new SkippedClip(clips[i].Path, reason));
            }
        }

        var features = Assemble(dataset, results, silences, settings);
        return new ExtractionResult(features, skipped, clips.Count, total.Elapsed, Stopwatch.GetElapsedTime(0, clipTicks));
    }

    private static FeatureSet Assemble(GtzanDataset dataset, SegmentedMfcc?[] results, bool[][] silences, MfccSettings settings)
    {
        var count = results.Sum(r => r?.Count ?? 0);
        var size = settings.FramesPerSegment * settings.Coefficients;
        var mfcc = new float[(long)count * size];
        var labels = new long[count];
        var tracks = new string[count];
        var segments = new long[count];
        var silent = new bool[count];
        var n = 0;
        for (var i = 0; i < results.Length; i++)
        {
            if (results[i] is not { } clip)
            {
                continue;
            }

            clip.Data.CopyTo(mfcc.AsSpan(n * size));
            for (var s = 0; s < clip.Count; s++, n++)
            {
                labels[n] = dataset.Clips[i].Label;
                tracks[n] = dataset.Clips[i].Track;
                segments[n] = clip.SegmentIndices[s];
                silent[n] = silences[i][s];
            }
        }

        return new FeatureSet(mfcc, labels, [.. dataset.Genres], tracks, segments, settings.FramesPerSegment, settings.Coefficients, silent);
    }
}
