using System.Diagnostics;
using CsCheck;
using Genre.Batch;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Core.Tests.Batch;

/// <summary>The sbatch array script: its exact text, that bash parses it, and that its command reaches genre word for word.</summary>
public sealed class SlurmArrayScriptTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SlurmArrayScript Example => new() { Command = LauncherGolden.Example, MaxParallel = 8, Partition = "batch" };

    [Fact]
    public void The_script_is_the_golden_one() => LauncherGolden.ShouldMatch(Example.Render(), "slurm-array.sh");

    [Fact]
    public void Bash_parses_the_script()
    {
        var script = _dir.File("shards.sh");
        File.WriteAllText(script, Example.Render());

        var check = Bash("-n", script);

        check.ExitCode.ShouldBe(0, check.Error);
    }

    [Fact]
    public void The_array_covers_every_shard_and_caps_what_runs_at_once()
    {
        var text = Example.Render();

        text.ShouldContain("#SBATCH --array=0-15%8\n");
        (Example with { MaxParallel = null }).Render().ShouldContain("#SBATCH --array=0-15\n");
        (Example with { Command = LauncherGolden.Example with { ShardCount = 1 } }).Render().ShouldContain("#SBATCH --array=0-0");
    }

    [Fact]
    public void Past_slurms_default_max_array_size_there_is_a_warning_saying_what_to_do()
    {
        (Example with { Command = LauncherGolden.Example with { ShardCount = SlurmArrayScript.DefaultMaxArraySize } }).Warning.ShouldBeNull();

        var warning = (Example with { Command = LauncherGolden.Example with { ShardCount = 1002 } }).Warning;

        warning.ShouldNotBeNull();
        warning.ShouldContain("MaxArraySize");
        warning.ShouldContain("at most 1001 shards");
    }

    [Theory]
    [InlineData("2X", "01:00:00", "--mem 2X")]
    [InlineData("2G", "1 hour", "--time 1 hour")]
    public void A_value_sbatch_would_reject_is_refused_by_name(string memory, string time, string named)
    {
        var error = Should.Throw<LauncherException>(() => (Example with { Memory = memory, Time = time }).Render());

        error.Message.ShouldStartWith(named);
    }

    [Fact]
    public void A_relative_path_is_refused_because_a_task_runs_elsewhere()
    {
        var error = Should.Throw<LauncherException>(() => (Example with { Command = LauncherGolden.Example with { Manifest = "tracks.csv" } }).Render());

        error.Message.ShouldContain("absolute path");
    }

    [Theory]
    [InlineData("/data/two\nlines")]
    [InlineData("/data/back\\slash")]
    public void An_output_folder_slurms_log_pattern_cannot_hold_is_refused_with_the_reason(string output)
    {
        var error = Should.Throw<LauncherException>(() => (Example with { Command = LauncherGolden.Example with { Output = output } }).Render());

        error.Message.ShouldContain("line break or a backslash");
    }

    [Fact]
    public void A_percent_in_the_output_folder_stays_literal_in_slurms_log_pattern()
    {
        var text = (Example with { Command = LauncherGolden.Example with { Output = "/data/100% \"done\"" } }).Render();

        text.ShouldContain("#SBATCH --output=\"/data/100%% \\\"done\\\"/logs/%A_%a.out\"\n");
    }

    /// <summary>
    /// Any manifest, output and model path (spaces, quotes, $, backquotes, newlines, non-ASCII): bash, running the
    /// script itself with its <c>exec</c> turned into <c>printf '%s\0'</c>, hands the program exactly the words meant.
    /// </summary>
    [Fact]
    public void Bash_hands_genre_exactly_the_paths_given_whatever_they_hold()
    {
        var special = Gen.Char["'\"\\$`!*?[]{}~#&;|<>() \t\n%=,-"];
        var any = Gen.Char[(char)1, '\uD7FF'];
        var path = Gen.Frequency((3, special), (2, Gen.Char['a', 'z']), (1, any)).Array[1, 12].Select(c => "/" + new string(c));
        Gen.Select(path, path, path).Sample((manifest, output, model) =>
        {
            var script = new SlurmArrayScript { Command = LauncherGolden.Example with { Manifest = manifest, Output = output.Replace('\\', '_').Replace('\n', '_'), Model = model } };
            var words = script.Command.Words();
            var lines = script.Render().Split('\n');
            var exec = Array.FindIndex(lines, l => l.StartsWith("exec ", StringComparison.Ordinal));
            lines[exec] = "printf '%s\\0' " + lines[exec]["exec ".Length..];
            var file = _dir.File($"printf-{Guid.NewGuid():N}.sh");
            File.WriteAllText(file, string.Join('\n', lines));

            var run = Bash(file);

            run.ExitCode.ShouldBe(0, run.Error);
            run.Output.Split('\0')[..^1].ShouldBe(words);
        }, iter: 150);
    }

    private static (int ExitCode, string Output, string Error) Bash(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
