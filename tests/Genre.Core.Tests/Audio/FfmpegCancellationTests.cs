using System.Diagnostics;
using Genre.Audio;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Core.Tests.Audio;

/// <summary>A decoder stuck on an input that never ends is stopped by cancellation: the caller is released and ffmpeg is gone.</summary>
public sealed class FfmpegCancellationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Cancelling_a_read_blocked_on_a_stalled_input_kills_ffmpeg()
    {
        var pipe = _dir.File("stalled.wav");
        NamedPipe.Create(pipe);

        // A writer process sends a valid WAV header and a second of sound, then holds the pipe open and sends nothing.
        var valid = _dir.File("valid.wav");
        AudioFileWriter.Write(valid, BadInputs.Tone(22050 * 60, 22050), 22050, 1, AudioFileFormat.WavPcm16);
        var start = _dir.File("start.bin");
        File.WriteAllBytes(start, File.ReadAllBytes(valid)[..(44 + (2 * 22050))]);
        using var writer = Process.Start("sh", ["-c", "exec 3>\"$1\"; cat \"$2\" >&3; exec sleep 600", "sh", pipe, start])!;

        using var cancel = new CancellationTokenSource();
        var read = Task.Run(() =>
        {
            using var reader = FfmpegReader.Open(pipe, "stalled.wav", cancel.Token);
            var block = new float[4096];
            while (reader.ReadFrames(block) > 0)
            {
                // Reads the second of sound, then blocks on the stalled pipe.
            }
        });

        var ffmpeg = await WaitForFfmpegAsync(pipe);
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(read);
        ProcessExists(ffmpeg).ShouldBeFalse("ffmpeg must be gone once the read is cancelled");
        writer.Kill(entireProcessTree: true);
    }

    private static async Task<int> WaitForFfmpegAsync(string input)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        while (true)
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (int.TryParse(Path.GetFileName(dir), out var pid) && CommandLine(pid) is var line
                    && line.StartsWith("ffmpeg\0", StringComparison.Ordinal) && line.Contains(input, StringComparison.Ordinal))
                {
                    return pid;
                }
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    private static bool ProcessExists(int pid) => CommandLine(pid).Length > 0;

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
