using System.CommandLine;
using Genre.Cli.Commands;

namespace Genre.Cli;

/// <summary>The <c>genre</c> command line: parses arguments and hands each command to the library.</summary>
public static class GenreCli
{
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var root = new RootCommand("Music-genre classification for GTZAN's 10 genres: extract librosa-exact MFCC features, train, evaluate and predict.")
        {
            DownloadCommand.Create(),
            ExtractCommand.Create(),
            MfccCommand.Create(),
            ExampleCommand.Create(),
            PredictCommand.Create(),
            ShardsCommand.Create(),
            BenchCommand.Create(),
            ServeCommand.Create(),
            TrainCommand.Create(),
            EvaluateCommand.Create(),
            CalibrateCommand.Create(),
        };

        if (Console.IsOutputRedirected)
        {
            // Spectre assumes 80 columns when there is no terminal and would wrap long file names mid-word; a pipe or a log has no width.
            Spectre.Console.AnsiConsole.Profile.Width = 4096;
        }

        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        if (output is not null)
        {
            configuration.Output = output;
        }

        if (error is not null)
        {
            configuration.Error = error;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // A mistake in the command line is exit 2 (BadUsage), as for most Unix tools, so scripts can tell it from a failed run.
            var writer = error ?? Console.Error;
            foreach (var problem in parse.Errors)
            {
                writer.WriteLine($"genre: usage: {problem.Message}");
            }

            var command = parse.CommandResult.Command == root ? "genre" : $"genre {parse.CommandResult.Command.Name}";
            writer.WriteLine($"Run '{command} --help' for the options.");
            return CommandRunner.BadUsage;
        }

        return parse.Invoke(configuration);
    }
}
