using System.CommandLine;
using Genre.Audio;
using Genre.Data;

namespace Genre.Cli.Commands;

/// <summary><c>genre example --out FILE.wav</c>: writes the project's own 30 s example song.</summary>
internal static class ExampleCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Where to write the WAV file.", DefaultValueFactory = _ => "examples/example-song.wav" };
        var command = new Command("example", "Write the 30 s example song the project synthesises itself (drums, bass, chords).") { output };
        command.SetAction(parse => CommandRunner.Run(_ =>
        {
            var path = parse.GetValue(output)!;
            AtomicFile.WriteVia(path, temp => ExampleSong.Write(temp));
            Console.WriteLine($"wrote {path} ({ExampleSong.Seconds} s at {ExampleSong.SampleRate} Hz)");
            return CommandRunner.Ok;
        }));
        return command;
    }
}
