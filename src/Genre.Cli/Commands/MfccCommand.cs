using System.CommandLine;
using Genre.Audio;
using Genre.Data;
using Genre.Data.Numpy;
using Genre.Features;

namespace Genre.Cli.Commands;

/// <summary><c>genre mfcc FILE --out F.npy [--segments]</c>: one file's MFCC.</summary>
internal static class MfccCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "Audio file (wav, flac, ogg, mp3, m4a, au, aiff)." };
        var output = new Option<string>("--out") { Description = "Where to write the .npy array.", Required = true };
        var segments = new Option<bool>("--segments") { Description = "Write the (segments, 130, 13) training stack of the first 30 s instead of one (frames, 13) call." };
        var command = new Command("mfcc", "Compute one file's MFCC as librosa.feature.mfcc does, and save it as .npy.")
        {
            file, output, segments,
        };
        command.SetAction(parse => CommandRunner.Run(cancel =>
            Execute(parse.GetValue(file)!, parse.GetValue(output)!, parse.GetValue(segments), cancel)));
        return command;
    }

    private static int Execute(string path, string outputPath, bool segmented, CancellationToken cancel)
    {
        var extractor = MfccExtractor.Shared;
        var settings = extractor.Settings;
        var options = new AudioLoadOptions { SampleRate = settings.SampleRate, MaxSamples = segmented ? settings.ClipSamples : null };
        var signal = AudioLoader.Load(path, options, cancel);
        NpyArray array;
        if (segmented)
        {
            var stack = extractor.ComputeSegments(signal.Samples);
            if (stack.Count == 0)
            {
                throw new AudioTooShortException(path, signal.Duration, settings.SegmentDuration);
            }

            array = NpyArray.FromFloat32(stack.Data, stack.Count, stack.Frames, stack.Coefficients);
        }
        else
        {
            var mfcc = extractor.Compute(signal.Samples);
            array = NpyArray.FromFloat32(mfcc, mfcc.Length / settings.Coefficients, settings.Coefficients);
        }

        AtomicFile.Write(outputPath, stream => NpyFormat.Write(stream, array));
        Console.WriteLine($"{path}: {signal.Duration.TotalSeconds:0.00} s -> {outputPath} ({string.Join(" x ", array.Shape)})");
        return CommandRunner.Ok;
    }
}
