namespace Genre.Training.Augmentation;

/// <summary>
/// The seed of one clip's or one mini-batch's augmentation in one epoch: a SplitMix64 mix of the training seed, the
/// stream (waveform or batch), the epoch and the index. Independent of thread scheduling, so clips may be augmented
/// in parallel and a run still repeats exactly; stable across processes, unlike <see cref="HashCode"/>.
/// </summary>
internal static class AugmentationSeed
{
    public const int WaveformStream = 1;
    public const int BatchStream = 2;

    public static int For(int seed, int stream, int epoch, int index)
    {
        var state = (ulong)(uint)seed;
        foreach (var part in new[] { (ulong)(uint)stream, (ulong)(uint)epoch, (ulong)(uint)index })
        {
            state = Mix(state ^ part);
        }

        return (int)(state & int.MaxValue);
    }

    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A generator for one clip or batch.</summary>
    public static Random Random(int seed, int stream, int epoch, int index) => new(For(seed, stream, epoch, index));
}
