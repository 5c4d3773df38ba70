using CsCheck;
using Genre.Kinds.AudioSet;
using Shouldly;

namespace Genre.Core.Tests.Kinds.AudioSet;

/// <summary>
/// Invariants over arbitrary 32 kHz signals, checked with CsCheck. Signals are made from a seed (one second of a
/// sine/noise mixture, tiled), not by CsCheck's array generators: ten minutes of audio must cost milliseconds.
/// </summary>
public class AudioSetFrontEndPropertyTests
{
    private const int MaxSamples = 10 * 60 * AudioSetFrontEnd.SampleRate;

    /// <summary>What the signal is made of: the extremes a front end must survive, and ordinary audio.</summary>
    private enum Content
    {
        Mixture,
        Silence,
        FullScaleSquare,
        Tiny,
        ClippedNoise,
    }

    private static readonly Gen<int> s_length = Gen.OneOf(
        Gen.Int[AudioSetFrontEnd.SampleRate / 10, MaxSamples],
        Gen.Int[AudioSetFrontEnd.SampleRate / 10, 3 * AudioSetWindows.WindowSamples],
        Gen.Int[AudioSetWindows.MinTailSamples - 2, AudioSetWindows.MinTailSamples + 2],
        Gen.Int[AudioSetWindows.WindowSamples + AudioSetWindows.MinTailSamples - 2, AudioSetWindows.WindowSamples + AudioSetWindows.MinTailSamples + 2]);

    [Fact]
    public void Any_signal_gives_its_rule_s_window_count_and_finite_inputs_for_first_middle_and_last_window()
    {
        var gen = Gen.Select(s_length, Gen.Enum<Content>(), Gen.Int, Gen.Int[0, int.MaxValue]);
        var input = new float[AudioSetFrontEnd.InputLength];
        var padding = new float[AudioSetWindows.WindowSamples];

        gen.Sample((length, content, seed, pick) =>
        {
            var signal = Make(length, content, seed);
            var count = AudioSetWindows.Count(length);

            var whole = length / AudioSetWindows.WindowSamples;
            var keepTail = length % AudioSetWindows.WindowSamples >= AudioSetWindows.MinTailSamples;
            count.ShouldBe(whole == 0 ? 1 : whole + (keepTail ? 1 : 0));
            ((long)AudioSetWindows.Start(count - 1)).ShouldBeLessThan(length);

            foreach (var index in new[] { 0, pick % count, count - 1 }.Distinct())
            {
                AudioSetFrontEnd.Shared.Compute(AudioSetWindows.Window(signal, index, padding), input);
                foreach (var value in input)
                {
                    float.IsFinite(value).ShouldBeTrue($"{content}, {length} samples, window {index}");
                }
            }
        }, iter: 30, threads: 1);
    }

    [Fact]
    public void Silence_gives_the_floor_everywhere()
    {
        var input = AudioSetFrontEnd.Shared.Compute(new float[AudioSetFrontEnd.WindowSamples]);

        var floor = (MathF.Log(AudioSetFrontEnd.PowerFloor) + 4.5f) / 5f;
        input.ShouldAllBe(v => MathF.Abs(v - floor) < 1e-6f);
    }

    [Fact]
    public void Windows_computed_on_many_threads_at_once_equal_those_computed_on_one()
    {
        var signal = Make(4 * AudioSetWindows.WindowSamples, Content.Mixture, 7);
        var padding = new float[AudioSetWindows.WindowSamples];
        var expected = Enumerable.Range(0, 4).Select(i => AudioSetFrontEnd.Shared.Compute(AudioSetWindows.Window(signal, i, padding))).ToArray();

        var parallel = new float[16][];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            parallel[i] = AudioSetFrontEnd.Shared.Compute(signal.AsSpan(AudioSetWindows.Start(i % 4), AudioSetWindows.WindowSamples)));

        for (var i = 0; i < parallel.Length; i++)
        {
            parallel[i].ShouldBe(expected[i % 4], $"run {i}");
        }
    }

    [Fact]
    public void A_window_of_the_wrong_length_is_refused()
    {
        Should.Throw<ArgumentException>(() => AudioSetFrontEnd.Shared.Compute(new float[AudioSetFrontEnd.WindowSamples - 1]));
        Should.Throw<ArgumentException>(() => AudioSetFrontEnd.Shared.Compute(new float[AudioSetFrontEnd.WindowSamples], new float[10]));
    }

    /// <summary>One second (a prime number of samples, so windows differ) made from the seed, tiled to the length.</summary>
    private static float[] Make(int length, Content content, int seed)
    {
        var random = new Random(seed);
        var block = new float[Math.Min(length, 32_003)];
        var frequency = 20 + (random.NextDouble() * 15_000);
        var amplitude = random.NextDouble();
        for (var i = 0; i < block.Length; i++)
        {
            var noise = (random.NextDouble() * 2) - 1;
            block[i] = content switch
            {
                Content.Silence => 0f,
                Content.FullScaleSquare => (i / 37) % 2 == 0 ? 1f : -1f,
                Content.Tiny => (float)(1e-30 * noise),
                Content.ClippedNoise => (float)Math.Clamp(3 * noise, -1, 1),
                _ => (float)((amplitude * Math.Sin(2 * Math.PI * frequency * i / AudioSetFrontEnd.SampleRate)) + ((1 - amplitude) * noise)),
            };
        }

        var signal = new float[length];
        for (var at = 0; at < length; at += block.Length)
        {
            block.AsSpan(0, Math.Min(block.Length, length - at)).CopyTo(signal.AsSpan(at));
        }

        return signal;
    }
}
