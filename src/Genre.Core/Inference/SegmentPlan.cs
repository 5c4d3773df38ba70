using Genre.Features;

namespace Genre.Inference;

/// <summary>
/// Cuts a signal into the 3 s segments the model sees. First 30 s: segments 0..9 of the training layout, the last
/// partial one padded with silence (the original's own inference used 5 segments of 66,048 samples — only the first
/// 15 s — unlike its training; that is not copied). Full: every 3 s window of the track. Segments that lie wholly in
/// padding are not made; digitally silent ones are marked so they do not vote.
/// </summary>
internal static class SegmentPlan
{
    /// <summary>Peak below which a segment counts as silence: -80 dBFS, the MFCC's own dynamic range.</summary>
    public const float SilencePeak = 1e-4f;

    public static (float[] Padded, int Count, bool[] Silent) Cut(ReadOnlySpan<float> samples, MfccSettings settings, PredictionWindow window)
    {
        var length = settings.SegmentSamples;
        var available = window == PredictionWindow.First30 ? Math.Min(samples.Length, settings.ClipSamples) : samples.Length;
        var count = Math.Max(1, (int)(((long)available + length - 1) / length));
        var padded = new float[(long)count * length];
        samples[..available].CopyTo(padded);
        var silent = new bool[count];
        for (var s = 0; s < count; s++)
        {
            // MaxMagnitude returns the signed value of largest magnitude.
            silent[s] = MathF.Abs(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(padded.AsSpan(s * length, length))) < SilencePeak;
        }

        return (padded, count, silent);
    }
}
