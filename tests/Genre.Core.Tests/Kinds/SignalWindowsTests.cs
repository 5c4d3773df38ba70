using CsCheck;
using Genre.Inference;
using Genre.Kinds;
using Shouldly;

namespace Genre.Core.Tests.Kinds;

public sealed class SignalWindowsTests
{
    [Fact]
    public void Spread_takes_the_centres_of_equal_parts_and_skips_intro_and_outro()
    {
        // A 4-minute song in 10 s windows: 24 windows; three parts of 8, centred on windows 4, 12 and 20.
        SignalWindows.Select(24, 3, PredictionWindow.Spread).ShouldBe([4, 12, 20]);
        SignalWindows.Select(24, 3, PredictionWindow.First30).ShouldBe([0, 1, 2]);
        SignalWindows.Select(24, 3, PredictionWindow.Full).ShouldBe(Enumerable.Range(0, 24));
    }

    [Theory]
    [InlineData(PredictionWindow.First30)]
    [InlineData(PredictionWindow.Spread)]
    [InlineData(PredictionWindow.Full)]
    public void A_track_of_30_s_or_less_is_scored_whole_whatever_the_choice(PredictionWindow window)
    {
        SignalWindows.Select(3, 3, window).ShouldBe([0, 1, 2]);
        SignalWindows.Select(1, 10, window).ShouldBe([0]);
        SignalWindows.Select(0, 3, window).ShouldBeEmpty();
    }

    [Fact]
    public void Any_grid_gives_distinct_ascending_windows_inside_it_of_the_promised_count()
    {
        Gen.Select(Gen.Int[0, 100_000], Gen.Int[1, 20], Gen.Enum<PredictionWindow>()).Sample((count, perClip, window) =>
        {
            var chosen = SignalWindows.Select(count, perClip, window);
            chosen.Length.ShouldBe(window == PredictionWindow.Full ? count : Math.Min(count, perClip));
            chosen.ShouldAllBe(w => w >= 0 && w < count);
            for (var i = 1; i < chosen.Length; i++)
            {
                chosen[i].ShouldBeGreaterThan(chosen[i - 1]);
            }
        });
    }

    [Fact]
    public void Cut_slices_whole_windows_and_pads_the_tail_with_silence()
    {
        float[] samples = [1, 2, 3, 4, 5, 6, 7];
        var padding = new float[3];

        SignalWindows.Cut(samples, 1, 3, padding).ToArray().ShouldBe([4f, 5f, 6f]);
        SignalWindows.Cut(samples, 2, 3, padding).ToArray().ShouldBe([7f, 0f, 0f]);
        SignalWindows.Cut(samples, 3, 3, padding).ToArray().ShouldBe([0f, 0f, 0f]);
    }

    [Fact]
    public void Silence_is_a_peak_below_minus_80_dbfs()
    {
        SignalWindows.IsSilent(new float[100]).ShouldBeTrue();
        SignalWindows.IsSilent([0f, -0.5e-4f, 0.9e-4f]).ShouldBeTrue();
        SignalWindows.IsSilent([0f, -2e-4f, 0f]).ShouldBeFalse();
    }
}
