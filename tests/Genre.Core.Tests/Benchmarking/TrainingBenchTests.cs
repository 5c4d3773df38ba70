using Genre.Benchmarking;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Core.Tests.Benchmarking;

/// <summary><c>genre bench</c>'s training measurement, on a small feature set: it runs and reports what it measured.</summary>
[Collection(TorchCollection.Name)]
public sealed class TrainingBenchTests
{
    [Fact]
    public void Training_reports_samples_per_second_of_the_timed_epoch()
    {
        var result = TrainingBench.Run(segments: 300, threads: 1);

        result.Unit.ShouldBe("samples/s");
        result.Value.ShouldBeGreaterThan(0);
        result.Note.ShouldNotBeNull().ShouldContain("s/epoch of 300, 1 threads");
    }
}
