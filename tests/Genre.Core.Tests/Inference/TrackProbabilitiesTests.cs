using Genre.Inference;
using Shouldly;

namespace Genre.Core.Tests.Inference;

public sealed class TrackProbabilitiesTests
{
    [Fact]
    public void Silent_windows_do_not_vote()
    {
        float[] windows = [0.9f, 0.1f, 0.2f, 0.8f, 0.5f, 0.5f];

        TrackProbabilities.Mean(windows, [false, true, false], 2)!.ShouldBe([0.7f, 0.3f], tolerance: 1e-6f);
        TrackProbabilities.Mean(windows, [false, false, false], 2)!.ShouldBe([0.5333333f, 0.4666667f], tolerance: 1e-6f);
    }

    [Fact]
    public void All_silent_has_no_verdict()
    {
        TrackProbabilities.Mean([0.5f, 0.5f], [true], 2).ShouldBeNull();
        TrackProbabilities.Mean([], [], 2).ShouldBeNull();
    }

    [Fact]
    public void Shapes_must_agree()
    {
        Should.Throw<ArgumentException>(() => TrackProbabilities.Mean([0.5f, 0.5f, 0.1f], [false], 2));
    }
}
