using Shouldly;

namespace Genre.Cli.Tests;

/// <summary><c>genre train</c> failures: exit code 1 and one line on stderr that names the file and the cause.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class TrainCommandTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("genre-cli-train-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static (int Exit, string Error) Run(params string[] args)
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            return (GenreCli.Run(args, new StringWriter(), error), error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }

    private static void ShouldBeOneLineError((int Exit, string Error) result, string expected)
    {
        result.Exit.ShouldBe(1);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, result.Error);
        lines[0].ShouldStartWith("genre: error: ");
        lines[0].ShouldContain(expected);
    }

    [Fact]
    public void A_missing_feature_file_is_one_line()
    {
        var missing = Path.Combine(root, "none.npz");
        ShouldBeOneLineError(Run("train", "--features", missing, "--out", Path.Combine(root, "m")), $"{missing}: feature file not found");
    }

    [Fact]
    public void A_corrupt_feature_file_is_one_line()
    {
        var corrupt = Path.Combine(root, "corrupt.npz");
        File.WriteAllText(corrupt, "garbage");
        ShouldBeOneLineError(Run("train", "--features", corrupt, "--out", Path.Combine(root, "m")), $"{corrupt}: not a valid .npz");
    }

    [Fact]
    public void An_unwritable_output_folder_is_one_line()
    {
        var file = Path.Combine(root, "file");
        File.WriteAllText(file, "");
        ShouldBeOneLineError(Run("train", "--features", Path.Combine(root, "none.npz"), "--out", Path.Combine(file, "m")), "cannot write");
    }

    [Fact]
    public void Zero_epochs_is_one_line()
    {
        var corrupt = Path.Combine(root, "x.npz");
        ShouldBeOneLineError(Run("train", "--features", corrupt, "--out", Path.Combine(root, "m"), "--epochs", "0"), "--epochs must be at least 1");
    }

    [Fact]
    public void An_unknown_split_is_a_usage_error_with_exit_code_2() =>
        Run("train", "--features", "x.npz", "--out", "m", "--split", "random").Exit.ShouldBe(2);
}

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
