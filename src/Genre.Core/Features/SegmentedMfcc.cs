namespace Genre.Features;

/// <summary>The MFCC of each kept 3 s segment of a clip: <see cref="Count"/> x frames x coefficients, row-major.</summary>
public sealed class SegmentedMfcc
{
    /// <summary>Wraps features already laid out as segments x frames x coefficients (no copy).</summary>
    /// <param name="data">The features, row-major.</param>
    /// <param name="segmentIndices">Which segment of the clip each block came from.</param>
    /// <param name="frames">Frames per segment.</param>
    /// <param name="coefficients">Coefficients per frame.</param>
    public SegmentedMfcc(float[] data, int[] segmentIndices, int frames, int coefficients)
    {
        Data = data;
        SegmentIndices = segmentIndices;
        Frames = frames;
        Coefficients = coefficients;
    }

#pragma warning disable CA1819 // Flat arrays are the interchange format with the model and the .npz writer.
    /// <summary>All kept segments' features, <see cref="Count"/> x <see cref="Frames"/> x <see cref="Coefficients"/>, row-major.</summary>
    public float[] Data { get; }

    /// <summary>Which segment (0 for the first 3 s, 1 for the next, ...) each kept block came from.</summary>
    public int[] SegmentIndices { get; }
#pragma warning restore CA1819

    /// <summary>Segments kept (a short clip's last segment is dropped when it gives too few frames).</summary>
    public int Count => SegmentIndices.Length;

    /// <summary>Frames per segment (130 for the GTZAN settings).</summary>
    public int Frames { get; }

    /// <summary>Coefficients per frame (13 for the GTZAN settings).</summary>
    public int Coefficients { get; }

    /// <summary>The features of kept segment <paramref name="i"/> (frames x coefficients), without a copy.</summary>
    public ReadOnlySpan<float> Segment(int i) => Data.AsSpan(i * Frames * Coefficients, Frames * Coefficients);
}
