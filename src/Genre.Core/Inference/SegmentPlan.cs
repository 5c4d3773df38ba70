using System.Numerics.Tensors;
using Genre.Features;

namespace Genre.Inference;

/// <summary>
/// Cuts a signal into the 3 s segments the model sees. First 30 s: segments 0..9 of the training layout, the last
/// partial one padded with silence (the original's own inference used 5 segments of 66,048 samples — only the first
/// 15 s — unlike its training; that is not copied). Full: every 3 s window of the track. Segments that would lie wholly
/// in padding are not made; digitally silent ones are marked so they do not vote. Only a partial last segment is
/// copied, so an hour of audio is never held twice.
/// </summary>
internal static class SegmentPlan
{
    /// <summary>Peak below which a segment counts as silence: -80 dBFS, the MFCC's own dynamic range.</summary>
    public const float SilencePeak = 1e-4f;

    public static int Count(int samples, MfccSettings settings, PredictionWindow window)
    {
        var available = Available(samples, settings, window);
        return Math.Max(1, (int)(((long)available + settings.SegmentSamples - 1) / settings.SegmentSamples));
    }

    /// <summary>Segment <paramref name="index"/>: a slice of the signal, or the zero-padded tail in <paramref name="padding"/>.</summary>
    public static ReadOnlySpan<float> Segment(ReadOnlySpan<float> samples, int index, MfccSettings settings, PredictionWindow window, float[] padding)
    {
        var length = settings.SegmentSamples;
        var start = (long)index * length;
        var available = Available(samples.Length, settings, window);
        if (start + length <= available)
        {
            return samples.Slice((int)start, length);
        }

        var tail = samples[(int)Math.Min(start, available)..available];
        tail.CopyTo(padding);
        padding.AsSpan(tail.Length, length - tail.Length).Clear();
        return padding.AsSpan(0, length);
    }

    // MaxMagnitude returns the signed value of largest magnitude.
    public static bool IsSilent(ReadOnlySpan<float> segment) => MathF.Abs(TensorPrimitives.MaxMagnitude(segment)) < SilencePeak;

    private static int Available(int samples, MfccSettings settings, PredictionWindow window) =>
        window == PredictionWindow.First30 ? Math.Min(samples, settings.ClipSamples) : samples;
}
