using System.Diagnostics;
using System.Text.RegularExpressions;
using Genre.Cli.Tests.TestSupport;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>
/// The README's example blocks are what the program prints: every block of <c>$ ./genre predict ...</c> (and the
/// <c>espeak-ng</c> line that makes its input) is run from the repository root and its output compared line by line.
/// Blocks with timings (evaluate, calibrate) are not compared: their other lines come from the same code as these.
/// </summary>
public sealed partial class ReadmeExamplesTests
{
    public static TheoryData<string> Blocks()
    {
        var readme = File.ReadAllText(Path.Combine(GenreProcess.RepositoryRoot, "README.md"));
        var data = new TheoryData<string>();
        foreach (Match block in CodeBlock().Matches(readme))
        {
            var text = block.Groups["body"].Value;
            var commands = text.Split('\n').Where(l => l.StartsWith("$ ", StringComparison.Ordinal)).ToList();
            if (commands.Count > 0 && commands.All(c => c.StartsWith("$ ./genre predict ", StringComparison.Ordinal) || c.StartsWith("$ espeak-ng ", StringComparison.Ordinal)))
            {
                data.Add(text);
            }
        }

        return data;
    }

    [Fact]
    public void The_readme_has_predict_examples() => Blocks().Count.ShouldBeGreaterThanOrEqualTo(2);

    [Theory]
    [MemberData(nameof(Blocks))]
    public void A_readme_example_is_what_the_program_prints(string block)
    {
        var made = new List<string>();
        try
        {
            var expected = new List<string>();
            string? command = null;
            foreach (var line in block.TrimEnd('\n').Split('\n').Append("$ end"))
            {
                if (!line.StartsWith("$ ", StringComparison.Ordinal))
                {
                    expected.Add(line);
                    continue;
                }

                if (command is not null)
                {
                    Run(command, made).ShouldBe(string.Join('\n', expected), $"the README's output of: {command}");
                }

                command = line[2..];
                expected.Clear();
            }
        }
        finally
        {
            made.ForEach(f => File.Delete(Path.Combine(GenreProcess.RepositoryRoot, f)));
        }
    }

    /// <summary>Runs one README command from the repository root; returns its standard output without the last newline.</summary>
    private static string Run(string command, List<string> made)
    {
        var words = Word().Matches(command).Select(m => m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Value).ToArray();
        if (words[0] == "./genre")
        {
            var result = GenreProcess.Run(words[1..]);
            result.ExitCode.ShouldBe(0, result.ToString());
            return result.Output.TrimEnd('\n');
        }

        // espeak-ng -w FILE "text": the file is made at the root for the next command, and removed afterwards.
        made.Add(words[2]);
        var start = new ProcessStartInfo(words[0]) { WorkingDirectory = GenreProcess.RepositoryRoot, UseShellExecute = false };
        foreach (var word in words[1..])
        {
            start.ArgumentList.Add(word);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        process.ExitCode.ShouldBe(0);
        return string.Empty;
    }

    [GeneratedRegex(@"```\n(?<body>\$ .*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"""(?<quoted>[^""]*)""|\S+")]
    private static partial Regex Word();
}
