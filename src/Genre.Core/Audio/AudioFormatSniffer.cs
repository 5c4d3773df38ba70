namespace Genre.Audio;

/// <summary>
/// Recognises audio by its bytes, never by its name: a file called song.wav may hold anything. Hand-written because
/// neither libsndfile nor ffmpeg offers a cheap "what is this?" without trying to decode it.
/// </summary>
public static class AudioFormatSniffer
{
    /// <summary>Bytes needed to recognise every container below.</summary>
    public const int HeaderLength = 16;

    /// <summary>File extensions the loader accepts, lower case with the dot.</summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } =
        [".wav", ".wave", ".flac", ".ogg", ".oga", ".opus", ".mp3", ".m4a", ".mp4", ".aac", ".au", ".snd", ".aif", ".aiff", ".aifc", ".webm", ".mka"];

    /// <summary>
    /// Whether <paramref name="path"/> ends in one of <see cref="SupportedExtensions"/> (any case): how a folder walk
    /// picks the audio files out of the rest. The content still decides how a file is decoded.
    /// </summary>
    public static bool IsSupportedExtension(string path) =>
        SupportedExtensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    /// <summary>The container the first bytes of a file or upload show, by their magic numbers.</summary>
    /// <param name="header">The first bytes; <see cref="HeaderLength"/> are enough for every container, fewer may leave it <see cref="AudioContainer.Unknown"/>.</param>
    /// <returns>The container, or <see cref="AudioContainer.Unknown"/> when the bytes match none.</returns>
    public static AudioContainer Detect(ReadOnlySpan<byte> header)
    {
        if (header.Length >= 12 && (header[..4].SequenceEqual("RIFF"u8) || header[..4].SequenceEqual("RF64"u8) || header[..4].SequenceEqual("RIFX"u8))
            && header[8..12].SequenceEqual("WAVE"u8))
        {
            return AudioContainer.Wav;
        }

        if (header.Length >= 12 && header[..4].SequenceEqual("FORM"u8)
            && (header[8..12].SequenceEqual("AIFF"u8) || header[8..12].SequenceEqual("AIFC"u8)))
        {
            return AudioContainer.Aiff;
        }

        if (header.Length >= 8 && header[4..8].SequenceEqual("ftyp"u8))
        {
            return AudioContainer.Mp4;
        }

        if (header.Length >= 4)
        {
            var magic = header[..4];
            if (magic.SequenceEqual("fLaC"u8))
            {
                return AudioContainer.Flac;
            }

            if (magic.SequenceEqual("OggS"u8))
            {
                return AudioContainer.Ogg;
            }

            if (magic.SequenceEqual(".snd"u8))
            {
                return AudioContainer.Au;
            }

            if (magic.SequenceEqual((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
            {
                return AudioContainer.Matroska;
            }
        }

        if (header.Length >= 3 && header[..3].SequenceEqual("ID3"u8))
        {
            return AudioContainer.Mp3;
        }

        // MPEG audio frame sync: 11 set bits. Layer bits 00 mean ADTS (AAC), anything else MPEG layer I-III.
        if (header.Length >= 2 && header[0] == 0xFF && (header[1] & 0xE0) == 0xE0)
        {
            var layer = (header[1] >> 1) & 0x3;
            var version = (header[1] >> 3) & 0x3;
            if (layer == 0)
            {
                return (header[1] & 0xF6) == 0xF0 ? AudioContainer.Adts : AudioContainer.Unknown;
            }

            return version == 1 ? AudioContainer.Unknown : AudioContainer.Mp3;
        }

        return AudioContainer.Unknown;
    }

    /// <summary>True for containers libsndfile decodes; the others go to ffmpeg.</summary>
    internal static bool IsSndFileContainer(AudioContainer container) => container is
        AudioContainer.Wav or AudioContainer.Flac or AudioContainer.Ogg or AudioContainer.Mp3 or AudioContainer.Au or AudioContainer.Aiff;

    /// <summary>A short description of unrecognised content for error messages.</summary>
    internal static string DescribeUnknown(ReadOnlySpan<byte> header)
    {
        var printable = 0;
        foreach (var b in header)
        {
            if (b is >= 0x20 and < 0x7F or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                printable++;
            }
        }

        return header.Length > 0 && printable == header.Length
            ? "the content is text, not audio"
            : $"the content is not a recognised audio format (starts with {Convert.ToHexString(header[..Math.Min(8, header.Length)])})";
    }
}
