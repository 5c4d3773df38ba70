using System.CommandLine;

namespace Genre.Cli.Commands;

/// <summary>
/// The commands of the full tool (package Genre.Cli): everything, training included. The predict-only tool
/// (src/Genre.Cli.Predict) compiles the same sources with its own <c>ToolCommands</c> in place of this file.
/// </summary>
internal static class ToolCommands
{
    public const string FullToolPackage = "Genre.Cli";

    public const string Description = "Music-genre classification: predict, serve, and train your own models (download, extract, train, evaluate, calibrate, bench).";

    /// <summary>Commands another tool has and this one lacks: none, this is the full tool.</summary>
    public static IReadOnlySet<string> InFullTool { get; } = new HashSet<string>(StringComparer.Ordinal);

    public static IEnumerable<Command> Create() =>
    [
        DownloadCommand.Create(),
        ExtractCommand.Create(),
        MfccCommand.Create(),
        ExampleCommand.Create(),
        PredictCommand.Create(),
        BenchCommand.Create(),
        ServeCommand.Create(),
        ShardsCommand.Create(),
        TrainCommand.Create(),
        EvaluateCommand.Create(),
        CalibrateCommand.Create(),
    ];
}
