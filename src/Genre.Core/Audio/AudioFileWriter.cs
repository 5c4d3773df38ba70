using Genre.Audio.Native;

namespace Genre.Audio;

/// <summary>Writes audio files through libsndfile: test inputs and the example song the project makes itself.</summary>
public static unsafe class AudioFileWriter
{
    /// <summary>Writes interleaved 16-bit samples exactly (no float round trip), in any container.</summary>
    public static void Write(string path, ReadOnlySpan<short> interleaved, int sampleRate, int channels, AudioFileFormat format)
    {
        using var file = Open(path, sampleRate, channels, format);
        fixed (short* data = interleaved)
        {
            var frames = interleaved.Length / channels;
            if (SndFile.WriteFramesShort(file, data, frames) != frames)
            {
                throw new IOException($"{path}: write failed: {SndFile.LastError(file.DangerousGetHandle())}");
            }
        }
    }

    /// <summary>Writes interleaved float samples in [-1, 1]; libsndfile converts to the format's encoding.</summary>
    public static void Write(string path, ReadOnlySpan<float> interleaved, int sampleRate, int channels, AudioFileFormat format)
    {
        using var file = Open(path, sampleRate, channels, format);
        fixed (float* data = interleaved)
        {
            var frames = interleaved.Length / channels;
            if (SndFile.WriteFramesFloat(file, data, frames) != frames)
            {
                throw new IOException($"{path}: write failed: {SndFile.LastError(file.DangerousGetHandle())}");
            }
        }
    }

    private static SndFileHandle Open(string path, int sampleRate, int channels, AudioFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        var info = new SndFile.SF_INFO { SampleRate = sampleRate, Channels = channels, Format = (int)format };
        var raw = SndFile.Open(path, SndFile.SFM_WRITE, ref info);
        return raw == IntPtr.Zero
            ? throw new IOException($"{path}: cannot write {format} at {sampleRate} Hz, {channels} channel(s): {SndFile.LastError(IntPtr.Zero)}")
            : new SndFileHandle(raw);
    }
}
