using System.CommandLine;

namespace Genre.Cli.Commands;

/// <summary>
/// The commands of the predict-only tool (package Genre.Predict): classify and serve, nothing that needs libtorch,
/// so it installs without it and publishes with Native AOT. The same command sources as the full tool.
/// </summary>
internal static class ToolCommands
{
    public const string FullToolPackage = "Genre.Cli";

    public const string Description = "Music-genre classification: tell the genre of songs and serve the web page (predict-only tool; training is in the full tool, Genre.Cli).";

    /// <summary>What a user may try here and find only in the full tool; answered with how to install it.</summary>
    public static IReadOnlySet<string> InFullTool { get; } = new HashSet<string>(["train", "evaluate", "calibrate", "bench", "download", "extract"], StringComparer.Ordinal);

    public static IEnumerable<Command> Create() =>
    [
        PredictCommand.Create(),
        ServeCommand.Create(),
        ShardsCommand.Create(),
        ExampleCommand.Create(),
        MfccCommand.Create(),
    ];
}
