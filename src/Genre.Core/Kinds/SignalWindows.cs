using System.Numerics.Tensors;
using Genre.Inference;

namespace Genre.Kinds;

/// <summary>
/// The window arithmetic every kind shares: which windows a <see cref="PredictionWindow"/> picks from a track's grid,
/// how a window is cut (a slice of the signal, or a zero-padded copy of its tail, so an hour of audio is never held
/// twice), and when a window is silence.
/// </summary>
internal static class SignalWindows
{
    /// <summary>Peak below which a window counts as silence: -80 dBFS, the MFCC's own dynamic range.</summary>
    public const float SilencePeak = 1e-4f;

    /// <summary>
    /// The windows to score out of <paramref name="count"/>: first30 the first <paramref name="perClip"/>, full all of
    /// them, spread <paramref name="perClip"/> windows at the centres of equal parts of the track.
    /// </summary>
    public static int[] Select(int count, int perClip, PredictionWindow window)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfLessThan(perClip, 1);
        if (window == PredictionWindow.Full || count <= perClip)
        {
            return [.. Enumerable.Range(0, count)];
        }

        return window switch
        {
            PredictionWindow.First30 => [.. Enumerable.Range(0, perClip)],
            PredictionWindow.Spread => [.. Enumerable.Range(0, perClip).Select(i => (int)((((2L * i) + 1) * count) / (2L * perClip)))],
            _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
        };
    }

    /// <summary>
    /// The scratch <see cref="Cut"/> needs for these windows: a window of <paramref name="length"/> samples only when one
    /// of them runs past the end of the signal (a large-object array otherwise allocated for every file for nothing).
    /// </summary>
    public static float[] Padding(int samples, IReadOnlyList<int> windows, int length) =>
        windows.Any(w => ((long)w + 1) * length > samples) ? new float[length] : [];

    /// <summary>Window <paramref name="index"/>: a slice of <paramref name="samples"/>, or its zero-padded tail in <paramref name="padding"/>.</summary>
    public static ReadOnlySpan<float> Cut(ReadOnlySpan<float> samples, int index, int length, Span<float> padding)
    {
        var start = (long)index * length;
        if (start + length <= samples.Length)
        {
            return samples.Slice((int)start, length);
        }

        var tail = Within(samples, index, length);
        tail.CopyTo(padding);
        padding[tail.Length..length].Clear();
        return padding[..length];
    }

    /// <summary>The part of window <paramref name="index"/> that lies inside <paramref name="samples"/> (empty past the end).</summary>
    public static ReadOnlySpan<float> Within(ReadOnlySpan<float> samples, int index, int length)
    {
        var start = Math.Min((long)index * length, samples.Length);
        return samples.Slice((int)start, (int)Math.Min(length, samples.Length - start));
    }

    // MaxMagnitude returns the signed value of largest magnitude.
    public static bool IsSilent(ReadOnlySpan<float> window) => window.IsEmpty || MathF.Abs(TensorPrimitives.MaxMagnitude(window)) < SilencePeak;
}
