using Genre.Kinds.AudioSet;
using Shouldly;

namespace Genre.Core.Tests.Kinds.AudioSet;

public class AudioSetWindowsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(159_999, 1)]
    [InlineData(160_000, 1)]
    [InlineData(319_999, 1)]
    [InlineData(320_000, 1)]
    [InlineData(479_999, 1)]
    [InlineData(480_000, 2)]
    [InlineData(640_000, 2)]
    [InlineData(960_427, 3)]
    [InlineData(1_119_999, 3)]
    [InlineData(1_120_000, 4)]
    public void Count_keeps_a_partial_last_window_of_at_least_5_s_and_always_one_for_a_short_signal(int samples, int windows) =>
        AudioSetWindows.Count(samples).ShouldBe(windows);

    [Fact]
    public void The_longest_signal_has_its_windows_inside_int_range()
    {
        // 2,147,483,647 = 6,710 x 320,000 + 283,647: the tail holds more than 5 s, so window 6,710 exists.
        AudioSetWindows.Count(int.MaxValue).ShouldBe(6_711);
        AudioSetWindows.Start(6_710).ShouldBe(2_147_200_000);
    }

    [Fact]
    public void Start_is_index_times_10_s()
    {
        AudioSetWindows.Start(0).ShouldBe(0);
        AudioSetWindows.Start(2).ShouldBe(640_000);
        Should.Throw<ArgumentOutOfRangeException>(() => AudioSetWindows.Start(-1));
    }

    [Fact]
    public void Whole_windows_are_slices_of_the_signal_and_only_the_tail_is_copied()
    {
        var signal = new float[800_000];
        for (var i = 0; i < signal.Length; i++)
        {
            signal[i] = i;
        }

        var padding = new float[AudioSetWindows.WindowSamples];
        padding.AsSpan().Fill(float.NaN);

        var second = AudioSetWindows.Window(signal, 1, padding);
        second.Overlaps(signal).ShouldBeTrue();
        second[0].ShouldBe(320_000f);

        var tail = AudioSetWindows.Window(signal, 2, padding);
        tail.Overlaps(padding).ShouldBeTrue();
        tail.Length.ShouldBe(320_000);
        tail[0].ShouldBe(640_000f);
        tail[159_999].ShouldBe(799_999f);
        tail[160_000..].ToArray().ShouldAllBe(v => v == 0f);

        Should.Throw<ArgumentOutOfRangeException>(() => AudioSetWindows.Window(signal, 3, padding));
    }

    [Fact]
    public void A_signal_shorter_than_5_s_is_one_zero_padded_window()
    {
        float[] signal = [1f, 2f, 3f];
        var padding = new float[AudioSetWindows.WindowSamples];
        padding.AsSpan().Fill(7f);

        var window = AudioSetWindows.Window(signal, 0, padding).ToArray();

        window[..3].ShouldBe([1f, 2f, 3f]);
        window[3..].ShouldAllBe(v => v == 0f);
    }

    [Fact]
    public void A_padded_window_needs_a_padding_buffer_of_a_whole_window() =>
        Should.Throw<ArgumentException>(() => AudioSetWindows.Window(new float[200_000], 0, new float[100]));
}
