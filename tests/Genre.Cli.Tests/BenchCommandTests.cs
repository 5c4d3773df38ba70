using System.Globalization;
using System.Text.RegularExpressions;
using Genre.Cli.Tests.TestSupport;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>
/// The real <c>genre bench</c> process: every measurement runs to the end and lands in the table with a positive
/// figure. How fast the figures are is the benchmark's business, not this test's.
/// </summary>
public sealed partial class BenchCommandTests
{
    [Fact]
    public void Every_measurement_is_reported_for_the_model_s_kind()
    {
        // Training is measured by TrainingBenchmarks and by 'genre bench' without --skip-training; a CI run leaves it out.
        var result = GenreProcess.Run("bench", "--skip-training", "--model", Path.Combine(GenreProcess.RepositoryRoot, "models", "gtzan-cnn"));

        result.ExitCode.ShouldBe(0, result.ToString());
        Figure(result.Output, "extraction per 30 s clip", "ms").ShouldBeGreaterThan(0);
        Figure(result.Output, "predict 30 s file, warm", "ms").ShouldBeGreaterThan(0);
        Figure(result.Output, "predict 4-minute song, warm", "ms").ShouldBeGreaterThan(0);
        Figure(result.Output, "inference from samples", "windows/s").ShouldBeGreaterThan(0);
        Figure(result.Output, "predict 1 file, cold process, JIT", "ms").ShouldBeGreaterThan(0);
        Figure(result.Output, "peak memory, cold predict, JIT", "MB").ShouldBeGreaterThan(0);
        result.Output.ShouldContain("mfcc-cnn, in process, 1 thread");
        result.Output.ShouldContain("mfcc-cnn: the 10 windows of 30 s per call");
        result.Output.ShouldNotContain("│ training ");
    }

    [Fact]
    public void A_clip_that_does_not_exist_is_one_clear_error()
    {
        var result = GenreProcess.Run("bench", "--clip", "/no/such/clip.wav", "--skip-training");

        result.ExitCode.ShouldBe(1);
        result.Error.ShouldContain("/no/such/clip.wav");
        result.Error.ShouldNotContain("   at ");
    }

    private static double Figure(string table, string measure, string unit)
    {
        var row = table.Split('\n').SingleOrDefault(l => l.Contains($"│ {measure} ", StringComparison.Ordinal));
        row.ShouldNotBeNull($"no row '{measure}' in:\n{table}");
        var match = FigurePattern().Match(row.Split('│')[2]);
        match.Success.ShouldBeTrue(row);
        match.Groups["unit"].Value.ShouldBe(unit);
        return double.Parse(match.Groups["value"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^\s*(?<value>[\d,]+(\.\d+)?) (?<unit>\S+)\s*$")]
    private static partial Regex FigurePattern();
}
