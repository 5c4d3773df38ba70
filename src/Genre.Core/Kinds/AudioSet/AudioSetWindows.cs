namespace Genre.Kinds.AudioSet;

/// <summary>
/// The grid of 10 s windows the AudioSet network reads from a mono 32 kHz signal, as its training data was cut:
/// window i is samples [i * 320,000, (i + 1) * 320,000); a partial last window is kept, padded with silence, only
/// if it holds at least 5 s; a nonempty signal shorter than 5 s is one padded window; an empty one has none. This is
/// the grid only, not a policy: which windows to run (the first 30 s, all, a few spread over the track) is the
/// caller's choice. Only a partial last window is copied, so an hour of audio is never held twice.
/// </summary>
internal static class AudioSetWindows
{
    public const int WindowSamples = AudioSetFrontEnd.WindowSamples;

    /// <summary>5 s: the least a partial last window must hold to be kept.</summary>
    public const int MinTailSamples = WindowSamples / 2;

    public static int Count(int samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(samples);
        if (samples == 0)
        {
            return 0;
        }

        var whole = samples / WindowSamples;
        var tail = samples % WindowSamples;
        return Math.Max(1, whole + (tail >= MinTailSamples ? 1 : 0));
    }

    /// <summary>The first sample of window <paramref name="index"/>; it lies inside any signal the window exists in.</summary>
    public static int Start(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return checked(index * WindowSamples);
    }

    /// <summary>
    /// Window <paramref name="index"/> of <paramref name="samples"/>: a slice of the signal when it is whole, else its
    /// tail copied into <paramref name="padding"/> (at least <see cref="WindowSamples"/> long) and zero-padded.
    /// </summary>
    public static ReadOnlySpan<float> Window(ReadOnlySpan<float> samples, int index, Span<float> padding)
    {
        var count = Count(samples.Length);
        if ((uint)index >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The signal of {samples.Length} samples has {count} windows.");
        }

        if (padding.Length < WindowSamples)
        {
            throw new ArgumentException($"The padding buffer holds {padding.Length} samples; {WindowSamples} are needed.", nameof(padding));
        }

        return SignalWindows.Cut(samples, index, WindowSamples, padding);
    }
}
