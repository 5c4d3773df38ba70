using Genre.Cli.Tests.TestSupport;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary><c>genre serve</c> refuses to start on a machine that cannot decode, with one line naming what to install.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Without_ffmpeg_the_server_does_not_start_and_names_the_package()
    {
        // Only the folder of the dotnet host on PATH: no ffmpeg anywhere.
        var dotnet = Path.GetDirectoryName(Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? self
            : Path.Combine(Environment.GetEnvironmentVariable("DOTNET_ROOT") ?? "/usr/share/dotnet", "dotnet"))!;
        var environment = new Dictionary<string, string?> { ["PATH"] = dotnet };

        var result = await GenreProcess.RunAsync(environment, "serve", "--port", "0");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.Trim().ShouldBe("genre: error: ffmpeg not found; install with: sudo apt-get install ffmpeg   (or run eng/setup.sh)");
        result.Output.ShouldNotContain("serving on");
    }
}
