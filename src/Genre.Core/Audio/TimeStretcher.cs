using Genre.Audio.Native;

namespace Genre.Audio;

/// <summary>
/// Changes a mono signal's duration by a ratio and keeps its pitch, with Rubber Band in offline mode (the whole
/// signal studied first, one thread). Training's time-stretch augmentation; not used by prediction.
/// </summary>
internal static unsafe class TimeStretcher
{
    // Blocks fed to process: bounded memory in the library, the whole signal still studied at once.
    private const int Block = 1 << 14;

    /// <summary>About <paramref name="ratio"/> × the input's length of samples: the same sound, slower (ratio &gt; 1) or faster.</summary>
    public static float[] Stretch(ReadOnlySpan<float> signal, int sampleRate, double ratio)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (!(ratio > 0) || !double.IsFinite(ratio))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), ratio, "the stretch ratio must be a positive number");
        }

        var raw = RubberBand.New((uint)sampleRate, 1, RubberBand.OptionProcessOffline | RubberBand.OptionThreadingNever | RubberBand.OptionEngineFiner, ratio, 1.0);
        if (raw == IntPtr.Zero)
        {
            throw new InvalidOperationException($"Rubber Band refused a stretcher for {sampleRate} Hz, ratio {ratio}");
        }

        using var state = new RubberBandHandle(raw);
        RubberBand.SetExpectedInputDuration(state, (uint)signal.Length);
        RubberBand.SetMaxProcessSize(state, Block);
        var output = new List<float>((int)(signal.Length * ratio) + Block);
        var buffer = new float[Block];
        fixed (float* input = signal)
        {
            for (var pass = 0; pass < 2; pass++)
            {
                for (var start = 0; start < signal.Length; start += Block)
                {
                    var count = Math.Min(Block, signal.Length - start);
                    var channel = input + start;
                    var final = start + count >= signal.Length ? 1 : 0;
                    if (pass == 0)
                    {
                        RubberBand.Study(state, &channel, (uint)count, final);
                    }
                    else
                    {
                        RubberBand.Process(state, &channel, (uint)count, final);
                        Drain(state, buffer, output);
                    }
                }
            }
        }

        Drain(state, buffer, output);
        return [.. output];
    }

    private static void Drain(RubberBandHandle state, float[] buffer, List<float> output)
    {
        fixed (float* b = buffer)
        {
            int available;
            while ((available = RubberBand.Available(state)) > 0)
            {
                var channel = b;
                var got = (int)RubberBand.Retrieve(state, &channel, (uint)Math.Min(available, buffer.Length));
                output.AddRange(buffer.AsSpan(0, got));
            }
        }
    }
}
