using System.Buffers.Binary;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Genre.Audio;

/// <summary>
/// Decodes what libsndfile cannot (m4a/AAC, opus, ...) with the <c>ffmpeg</c> program, as librosa's audioread fallback
/// does: 16-bit PCM at the source's own rate and channel count, scaled by 1/32768. ffmpeg writes a WAV stream to
/// stdout; only its small header is parsed here (a pipe cannot be handed to libsndfile, which needs to seek).
/// </summary>
internal sealed class FfmpegReader : IPcmReader
{
    private const int MaxStderr = 4096;
    private readonly Process _process;
    private readonly Stream _pcm;
    private readonly string? _path;
    private readonly StringBuilder _stderr;
    private readonly byte[] _bytes = new byte[1 << 16];
    private int _carry;
    private bool _exitChecked;

    private readonly CancellationToken _cancellation;
    private readonly CancellationTokenRegistration _killOnCancel;

    private FfmpegReader(Process process, StringBuilder stderr, string? path, int sampleRate, int channels,
        CancellationToken cancellation, CancellationTokenRegistration killOnCancel)
    {
        _process = process;
        _cancellation = cancellation;
        _killOnCancel = killOnCancel;
        _pcm = process.StandardOutput.BaseStream;
        _stderr = stderr;
        _path = path;
        SampleRate = sampleRate;
        Channels = channels;
    }

    public int SampleRate { get; }

    public int Channels { get; }

    public long? Frames => null;

    /// <summary>
    /// Starts ffmpeg on <paramref name="inputPath"/>; <paramref name="displayPath"/> names it in errors. Cancelling
    /// <paramref name="cancellationToken"/> kills ffmpeg, which closes its pipe: a read blocked on a stuck decoder
    /// returns, and the caller gets <see cref="OperationCanceledException"/> with no process left behind.
    /// </summary>
    public static FfmpegReader Open(string inputPath, string? displayPath, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var start = new ProcessStartInfo("ffmpeg")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-hide_banner", "-nostdin", "-v", "error", "-i", inputPath, "-vn", "-map", "0:a:0", "-c:a", "pcm_s16le", "-f", "wav", "-" })
        {
            start.ArgumentList.Add(arg);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("ffmpeg did not start");
        }
        catch (Win32Exception e)
        {
            throw new UnsupportedAudioException(displayPath,
                $"this format needs ffmpeg, which could not be started ({e.Message}); install it with: sudo apt-get install ffmpeg");
        }

        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (stderr)
            {
                if (e.Data is not null && stderr.Length < MaxStderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        var killOnCancel = cancellationToken.Register(static p => Kill((Process)p!), process);
        try
        {
            var (rate, channels) = ReadWavHeader(process.StandardOutput.BaseStream);
            if (rate <= 0 || channels <= 0)
            {
                throw new InvalidDataException("no audio stream");
            }

            return new FfmpegReader(process, stderr, displayPath, rate, channels, cancellationToken, killOnCancel);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
        {
            killOnCancel.Dispose();
            process.WaitForExit();
            if (cancellationToken.IsCancellationRequested)
            {
                process.Dispose();
                throw new OperationCanceledException(cancellationToken);
            }

            var reason = FirstLine(stderr) ?? e.Message;
            process.Dispose();
            throw new AudioDecodeException(displayPath, $"ffmpeg: {reason}");
        }
    }

    public int ReadFrames(Span<float> interleaved)
    {
        var frameBytes = 2 * Channels;
        var wanted = Math.Min(interleaved.Length / Channels * frameBytes, _bytes.Length / frameBytes * frameBytes);
        var filled = _carry;
        while (filled < wanted)
        {
            var n = _pcm.Read(_bytes, filled, wanted - filled);
            if (n == 0)
            {
                break;
            }

            filled += n;
        }

        var frames = filled / frameBytes;
        var samples = frames * Channels;
        for (var i = 0; i < samples; i++)
        {
            interleaved[i] = BinaryPrimitives.ReadInt16LittleEndian(_bytes.AsSpan(2 * i)) * (1f / 32768f);
        }

        _carry = filled - frames * frameBytes;
        Buffer.BlockCopy(_bytes, frames * frameBytes, _bytes, 0, _carry);
        if (frames == 0)
        {
            CheckExit();
        }

        return frames;
    }

    private void CheckExit()
    {
        if (_exitChecked)
        {
            return;
        }

        _exitChecked = true;
        _process.WaitForExit();
        _cancellation.ThrowIfCancellationRequested();
        if (_process.ExitCode != 0)
        {
            throw new AudioDecodeException(_path, $"ffmpeg: {FirstLine(_stderr) ?? $"exit code {_process.ExitCode}"}");
        }
    }

    public void Dispose()
    {
        _killOnCancel.Dispose();
        Kill(_process);
        _process.WaitForExit();
        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static string? FirstLine(StringBuilder text)
    {
        lock (text)
        {
            var s = text.ToString().Trim();
            return s.Length == 0 ? null : s.Split('\n')[0].Trim();
        }
    }

    /// <summary>Reads RIFF/WAVE chunks up to "data"; ffmpeg writes the sizes as unknown when its output is a pipe.</summary>
    private static (int Rate, int Channels) ReadWavHeader(Stream wav)
    {
        Span<byte> head = stackalloc byte[12];
        wav.ReadExactly(head);
        if (!head[..4].SequenceEqual("RIFF"u8) || !head[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("ffmpeg did not produce a WAV stream");
        }

        int rate = 0, channels = 0;
        Span<byte> chunk = stackalloc byte[8];
        while (true)
        {
            wav.ReadExactly(chunk);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("data"u8))
            {
                return (rate, channels);
            }

            // RIFF chunks are word-aligned: an odd-sized chunk is followed by one pad byte.
            var body = new byte[checked((int)Math.Min(size + (size & 1), 1 << 20))];
            wav.ReadExactly(body);
            if (chunk[..4].SequenceEqual("fmt "u8) && body.Length >= 16)
            {
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body.AsSpan(2));
                rate = BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(4));
            }
        }
    }
}
