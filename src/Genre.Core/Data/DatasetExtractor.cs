using System.Buffers;
using System.Diagnostics;
using System.Numerics;
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
        var loadOptions = LoadOptions(settings);
        var dop = maxDegreeOfParallelism ?? Environment.ProcessorCount;
        var pool = DecodePool(settings, dop);
        long clipTicks = 0;
        var done = 0;
        var total = Stopwatch.StartNew();
        Parallel.For(0, clips.Count, new ParallelOptions
        {
            MaxDegreeOfParallelism = dop,
            CancellationToken = cancellationToken,
        }, i =>
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                var (segments, silent, duration) = ExtractClip(clips[i].Path, extractor, loadOptions, pool, cancellationToken);
                if (segments.Count == 0)
                {
                    reasons[i] = $"shorter than one {settings.SegmentDuration.TotalSeconds:0.#} s segment ({duration.TotalSeconds:0.###} s)";
                }
                else
                {
                    results[i] = segments;
                    silences[i] = silent;
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

    /// <summary>How a clip is decoded for its features: the extractor's rate, only as much as the clip length it reads.</summary>
    internal static AudioLoadOptions LoadOptions(MfccSettings settings) =>
        new() { SampleRate = settings.SampleRate, MaxSamples = settings.ClipSamples };

    /// <summary>
    /// Decode buffers reused clip after clip: a clip's samples are a large-object array (2.6 MB for 30 s), which, new
    /// for every clip, costs its zeroing, its page faults and frequent full collections; one per worker is enough.
    /// </summary>
    internal static ArrayPool<float> DecodePool(MfccSettings settings, int workers) =>
        ArrayPool<float>.Create((int)BitOperations.RoundUpToPowerOf2((uint)settings.ClipSamples), Math.Max(1, workers));

    /// <summary>
    /// One clip's segments (none when it is shorter than one), which of them are digital silence, and the decoded
    /// duration, decoded into an array of <paramref name="pool"/> that is back in the pool on return. What
    /// <c>genre extract</c> does per clip, and what <c>genre bench</c> times.
    /// </summary>
    internal static (SegmentedMfcc Segments, bool[] Silent, TimeSpan Duration) ExtractClip(string path, MfccExtractor extractor, AudioLoadOptions options,
        ArrayPool<float> pool, CancellationToken cancellationToken)
    {
        var settings = extractor.Settings;
        var decoded = AudioLoader.LoadPooled(path, options, pool, cancellationToken);
        try
        {
            var segments = extractor.ComputeSegments(decoded.Samples);
            bool[] silent = [.. segments.SegmentIndices.Select(s => Kinds.SignalWindows.IsSilent(Kinds.SignalWindows.Within(decoded.Samples, s, settings.SegmentSamples)))];
            return (segments, silent, decoded.Duration);
        }
        finally
        {
            pool.Return(decoded.Buffer);
        }
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
