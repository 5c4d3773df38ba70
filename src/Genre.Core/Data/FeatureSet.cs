using Genre.Data.Numpy;
using Genre.Features;

namespace Genre.Data;

/// <summary>
/// The training features of a dataset as the original system stores them: <c>mfcc</c> (N, 130, 13) float32,
/// <c>labels</c> (N,) int64, <c>mapping</c> (genres) and <c>track</c> (N,) clip names, plus <c>segment</c> (N,) int64,
/// each segment's position in its clip, and <c>silent</c> (N,) int64 (1 for a segment of digital silence, which does not
/// vote in its clip's verdict, as in prediction). Saved as a numpy .npz that <c>numpy.load</c> and the original code read.
/// </summary>
public sealed class FeatureSet
{
    /// <summary>Wraps feature arrays (not copied); their lengths must agree.</summary>
    /// <param name="mfcc">N x <paramref name="frames"/> x <paramref name="coefficients"/> MFCCs, row-major.</param>
    /// <param name="labels">Each segment's genre, an index into <paramref name="mapping"/>.</param>
    /// <param name="mapping">The genre names.</param>
    /// <param name="tracks">Each segment's clip name.</param>
    /// <param name="segments">Each segment's position in its clip, from 0.</param>
    /// <param name="frames">MFCC frames per segment.</param>
    /// <param name="coefficients">MFCC coefficients per frame.</param>
    /// <param name="silent">Which segments are digital silence; null for none.</param>
    /// <exception cref="ArgumentException">The arrays describe different numbers of segments.</exception>
    public FeatureSet(float[] mfcc, long[] labels, string[] mapping, string[] tracks, long[] segments, int frames, int coefficients, bool[]? silent = null)
    {
        ArgumentNullException.ThrowIfNull(mfcc);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(segments);
        if (tracks.Length != labels.Length || segments.Length != labels.Length || mfcc.Length != (long)labels.Length * frames * coefficients)
        {
            throw new ArgumentException("mfcc, labels, tracks and segments must describe the same number of segments.");
        }

        Mfcc = mfcc;
        Labels = labels;
        Mapping = mapping;
        Tracks = tracks;
        Segments = segments;
        Silent = silent ?? new bool[labels.Length];
        if (Silent.Length != labels.Length)
        {
            throw new ArgumentException("silent must have one flag per segment.", nameof(silent));
        }

        Frames = frames;
        Coefficients = coefficients;
    }

#pragma warning disable CA1819 // Flat arrays: the tensors handed to the model and to numpy.
    /// <summary>Every segment's MFCCs: <see cref="Count"/> x <see cref="Frames"/> x <see cref="Coefficients"/>, row-major.</summary>
    public float[] Mfcc { get; }

    /// <summary>Each segment's genre, an index into <see cref="Mapping"/>.</summary>
    public long[] Labels { get; }

    /// <summary>The genre names, in label order.</summary>
    public string[] Mapping { get; }

    /// <summary>Each segment's clip name (<c>blues.00042</c>): how splits keep a clip's segments together.</summary>
    public string[] Tracks { get; }

    /// <summary>Each segment's position in its clip, from 0.</summary>
    public long[] Segments { get; }

    /// <summary>Segments of digital silence (peak below -80 dBFS); files written before this flag existed have none.</summary>
    public bool[] Silent { get; }
#pragma warning restore CA1819

    /// <summary>The number of segments.</summary>
    public int Count => Labels.Length;

    /// <summary>MFCC frames per segment (130 for 3 s at the GTZAN settings).</summary>
    public int Frames { get; }

    /// <summary>MFCC coefficients per frame.</summary>
    public int Coefficients { get; }

    /// <summary>Floats per segment: <see cref="Frames"/> x <see cref="Coefficients"/>.</summary>
    public int SegmentSize => Frames * Coefficients;

    /// <summary>Segment <paramref name="i"/>'s MFCCs, frames x coefficients, without a copy.</summary>
    public ReadOnlySpan<float> Segment(int i) => Mfcc.AsSpan(i * SegmentSize, SegmentSize);

    /// <summary>Writes the .npz atomically: a failure never leaves half a file under <paramref name="path"/>.</summary>
    public void Save(string path) =>
        AtomicFile.Write(path, file => NpzArchive.Write(file,
        [
            new("mfcc", new NpyArray("<f4", [Count, Frames, Coefficients], System.Runtime.InteropServices.MemoryMarshal.AsBytes(Mfcc.AsSpan()).ToArray())),
            new("labels", NpyArray.FromInt64(Labels, Count)),
            new("mapping", NpyArray.FromStrings(Mapping)),
            new("track", NpyArray.FromStrings(Tracks)),
            new("segment", NpyArray.FromInt64(Segments, Count)),
            new("silent", NpyArray.FromInt64([.. Silent.Select(s => s ? 1L : 0L)], Count)),
        ]));

    /// <summary>Reads and validates a feature file; every problem is a <see cref="DatasetException"/> naming the file.</summary>
    /// <param name="path">A .npz written by <see cref="Save"/> (or by the original system).</param>
    /// <param name="settings">The MFCC settings the segments must have been made with (frames and coefficients); null for GTZAN's.</param>
    public static FeatureSet Load(string path, MfccSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DatasetException(path, Directory.Exists(path) ? "is a folder, not a feature file (.npz)" : "feature file not found; make one with: genre extract --data DIR --out FILE.npz");
        }

        Dictionary<string, NpyArray> arrays;
        try
        {
            using var file = File.OpenRead(path);
            arrays = NpzArchive.Read(file);
        }
        catch (InvalidDataException e)
        {
            throw new DatasetException(path, $"not a valid .npz feature file: {e.Message}", e);
        }

        try
        {
            return FromArrays(arrays, settings ?? MfccSettings.Gtzan);
        }
        catch (InvalidDataException e)
        {
            throw new DatasetException(path, e.Message, e);
        }
    }

    private static FeatureSet FromArrays(Dictionary<string, NpyArray> arrays, MfccSettings settings)
    {
        NpyArray Need(string name) => arrays.TryGetValue(name, out var a)
            ? a
            : throw new InvalidDataException($"array '{name}' is missing (found: {string.Join(", ", arrays.Keys)})");

        if (!arrays.ContainsKey("mfcc") && arrays.ContainsKey("embedding"))
        {
            throw new InvalidDataException("this is an AudioSet embedding file; train a head on it with: genre train --kind audioset-head --features FILE.npz --out DIR");
        }

        var mfccArray = Need("mfcc");
        if (mfccArray.Shape.Length != 3 || mfccArray.Shape[1] != settings.FramesPerSegment || mfccArray.Shape[2] != settings.Coefficients)
        {
            throw new InvalidDataException(
                $"'mfcc' has shape ({string.Join(", ", mfccArray.Shape)}); expected (N, {settings.FramesPerSegment}, {settings.Coefficients})");
        }

        var count = mfccArray.Shape[0];
        var labels = Need("labels").ToInt64();
        var mapping = Need("mapping").ToStrings();
        if (labels.Length != count)
        {
            throw new InvalidDataException($"'labels' has {labels.Length} entries but 'mfcc' has {count} segments");
        }

        if (mapping.Length == 0)
        {
            throw new InvalidDataException("'mapping' is empty: no genres");
        }

        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] < 0 || labels[i] >= mapping.Length)
            {
                throw new InvalidDataException($"label {labels[i]} at segment {i} is out of range: there are {mapping.Length} genres (0..{mapping.Length - 1})");
            }
        }

        var mfcc = mfccArray.ToFloat32();
        for (var i = 0; i < mfcc.Length; i++)
        {
            if (!float.IsFinite(mfcc[i]))
            {
                throw new InvalidDataException($"'mfcc' holds a non-finite value in segment {i / (settings.FramesPerSegment * settings.Coefficients)}");
            }
        }

        // Files from the original extractor have no track names: each segment then counts as its own clip.
        var tracks = arrays.TryGetValue("track", out var t) ? t.ToStrings() : [.. Enumerable.Range(0, count).Select(i => $"segment{i:D6}")];
        if (tracks.Length != count)
        {
            throw new InvalidDataException($"'track' has {tracks.Length} entries but 'mfcc' has {count} segments");
        }

        var segments = arrays.TryGetValue("segment", out var s) ? s.ToInt64() : NumberWithinTrack(tracks);
        if (segments.Length != count)
        {
            throw new InvalidDataException($"'segment' has {segments.Length} entries but 'mfcc' has {count} segments");
        }

        var silent = arrays.TryGetValue("silent", out var q) ? [.. q.ToInt64().Select(v => v != 0)] : new bool[count];
        if (silent.Length != count)
        {
            throw new InvalidDataException($"'silent' has {silent.Length} entries but 'mfcc' has {count} segments");
        }

        return new FeatureSet(mfcc, labels, mapping, tracks, segments, settings.FramesPerSegment, settings.Coefficients, silent);
    }

    private static long[] NumberWithinTrack(string[] tracks)
    {
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        var result = new long[tracks.Length];
        for (var i = 0; i < tracks.Length; i++)
        {
            seen.TryGetValue(tracks[i], out var n);
            result[i] = n;
            seen[tracks[i]] = n + 1;
        }

        return result;
    }
}
