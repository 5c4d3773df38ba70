namespace Genre.Features;

/// <summary>The MFCC of each kept 3 s segment of a clip: <see cref="Count"/> x frames x coefficients, row-major.</summary>
public sealed class SegmentedMfcc
{
    public SegmentedMfcc(float[] data, int[] segmentIndices, int frames, int coefficients)
    {
        Data = data;
        SegmentIndices = segmentIndices;
        Frames = frames;
        Coefficients = coefficients;
    }

#pragma warning disable CA1819 // Flat arrays are the interchange format with the model and the .npz writer.
    public float[] Data { get; }

    /// <summary>Which segment (0 for the first 3 s, 1 for the next, ...) each kept block came from.</summary>
    public int[] SegmentIndices { get; }
#pragma warning restore CA1819

    public int Count => SegmentIndices.Length;

    public int Frames { get; }

    public int Coefficients { get; }

    public ReadOnlySpan<float> Segment(int i) => Data.AsSpan(i * Frames * Coefficients, Frames * Coefficients);
}
