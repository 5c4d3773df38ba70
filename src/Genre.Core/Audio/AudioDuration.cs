namespace Genre.Audio;

/// <summary>
/// The length of an audio file from its header: libsndfile reports frames and rate on open, without decoding.
/// Files libsndfile cannot open (mp3 on old versions, m4a, ...) are decoded once by <see cref="AudioLoader"/>.
/// </summary>
internal static class AudioDuration
{
    /// <summary>The duration, or throws <see cref="GenreException"/> with the reason the file cannot be read.</summary>
    public static TimeSpan Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (new FileInfo(path) is { Exists: true, Length: 0 })
        {
            throw new AudioDecodeException(path, "the file is empty (0 bytes)");
        }

        using (var reader = SndFileReader.TryOpen(path, out _))
        {
            if (reader is not null)
            {
                return reader.Frames is > 0 && reader.SampleRate > 0
                    ? TimeSpan.FromSeconds((double)reader.Frames.Value / reader.SampleRate)
                    : throw new AudioDecodeException(path, "the file contains no audio samples");
            }
        }

        // AudioLoader gives the same reasons as training would (libsndfile's, or ffmpeg's where it is tried).
        return AudioLoader.Load(path).Duration;
    }
}
