using System.Buffers;

namespace Genre.Audio;

/// <summary>
/// Decodes any audio a user has into mono float32 at 22,050 Hz, the way <c>librosa.load</c> does: libsndfile first,
/// ffmpeg for what libsndfile cannot read; channels averaged before resampling; libsoxr HQ only when the rate
/// differs; length <c>ceil(n * sr_out / sr_in)</c>. Memory is bounded by the output: input is read in blocks.
/// Thread-safe: every call owns its decoder and resampler.
/// </summary>
public static class AudioLoader
{
    private const int BlockFrames = 1 << 15;

    /// <summary>Loads a file. Errors name the file and the cause (<see cref="GenreException"/>).</summary>
    /// <param name="path">An audio file with one of <see cref="AudioFormatSniffer.SupportedExtensions"/>; its content decides how it is decoded.</param>
    /// <param name="options">Rate, early stop and extension check; null for <see cref="AudioLoadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops decoding between blocks (and kills ffmpeg when it is the decoder).</param>
    /// <returns>Mono samples at the asked rate.</returns>
    /// <exception cref="AudioDecodeException">The file is missing, a folder, empty, or holds audio that cannot be decoded.</exception>
    /// <exception cref="UnsupportedAudioException">The extension is not supported, or the content is not audio in any supported format.</exception>
    /// <exception cref="DllNotFoundException">libsndfile or libsoxr is not installed (the message names the package).</exception>
    public static AudioSignal Load(string path, AudioLoadOptions? options = null, CancellationToken cancellationToken = default) =>
        LoadFile(path, options, pool: null, cancellationToken).ToSignal();

    /// <summary>
    /// <see cref="Load(string, AudioLoadOptions?, CancellationToken)"/> into an array rented from
    /// <paramref name="pool"/>: the caller returns <see cref="DecodedSamples.Buffer"/> to it when done.
    /// </summary>
    internal static DecodedSamples LoadPooled(string path, AudioLoadOptions options, ArrayPool<float> pool, CancellationToken cancellationToken) =>
        LoadFile(path, options, pool, cancellationToken);

    private static DecodedSamples LoadFile(string path, AudioLoadOptions? options, ArrayPool<float>? pool, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        options ??= AudioLoadOptions.Default;
        if (!File.Exists(path))
        {
            throw new AudioDecodeException(path, Directory.Exists(path) ? "this is a folder, not an audio file" : "file not found");
        }

        if (!options.IgnoreExtension && !AudioFormatSniffer.IsSupportedExtension(path))
        {
            var ext = Path.GetExtension(path);
            throw new UnsupportedAudioException(path,
                $"unknown extension '{(ext.Length == 0 ? "(none)" : ext)}'; supported: {string.Join(' ', AudioFormatSniffer.SupportedExtensions)}");
        }

        // A pipe or a device reports 0 bytes, and opening a pipe with no writer blocks for ever: refuse them unopened.
        if (new FileInfo(path).Length == 0)
        {
            throw new AudioDecodeException(path, AudioFiles.IsSpecial(path) ? "not a regular file (a pipe, a device or a socket)" : "the file is empty (0 bytes)");
        }

        var header = ReadHeader(path);
        var container = Recognise(header, path);
        var decoded = TrySndFile(container, () => (SndFileReader.TryOpen(path, out var error), error), path, options, pool, cancellationToken);
        if (decoded is not null)
        {
            return decoded.Value;
        }

        using var ffmpeg = FfmpegReader.Open(path, path, cancellationToken);
        return Decode(ffmpeg, container, path, options, pool, cancellationToken);
    }

    /// <summary>Loads from memory, for uploads. <paramref name="name"/> only labels errors; it is never used as a path.</summary>
    public static AudioSignal Load(ReadOnlyMemory<byte> bytes, string? name = null, AudioLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= AudioLoadOptions.Default;
        var header = bytes.Span[..Math.Min(bytes.Length, AudioFormatSniffer.HeaderLength)];
        var container = Recognise(header, name);
        using var stream = new ReadOnlyMemoryStream(bytes);
        var decoded = TrySndFile(container, () => (SndFileReader.TryOpen(stream, name, out var error), error), name, options, pool: null, cancellationToken);
        if (decoded is not null)
        {
            return decoded.Value.ToSignal();
        }

        // ffmpeg needs to seek in MP4 files, so it reads a private temporary file that is always deleted.
        var temp = Path.Combine(Path.GetTempPath(), $"genre-{Guid.NewGuid():N}.audio");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.None))
            {
                file.Write(bytes.Span);
            }

            using var ffmpeg = FfmpegReader.Open(temp, name, cancellationToken);
            return Decode(ffmpeg, container, name, options, pool: null, cancellationToken).ToSignal();
        }
        finally
        {
            Data.AtomicFile.TryDelete(temp);
        }
    }

    /// <summary>Loads from a stream (read to its end; not disposed).</summary>
    public static AudioSignal Load(Stream stream, string? name = null, AudioLoadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            return Load(buffer.AsMemory((int)memory.Position), name, options, cancellationToken);
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return Load(copy.GetBuffer().AsMemory(0, (int)copy.Length), name, options, cancellationToken);
    }

    /// <summary>
    /// libsndfile first, as librosa does. Null means "let ffmpeg try": the container is not libsndfile's, or it is an
    /// mp3/ogg variant libsndfile refuses (librosa's audioread fallback reads those). Otherwise its error is the answer.
    /// </summary>
    private static DecodedSamples? TrySndFile(AudioContainer container, Func<(SndFileReader? Reader, string Error)> open, string? name,
        AudioLoadOptions options, ArrayPool<float>? pool, CancellationToken cancellationToken)
    {
        if (!AudioFormatSniffer.IsSndFileContainer(container))
        {
            return null;
        }

        var (reader, error) = open();
        if (reader is not null)
        {
            using (reader)
            {
                return Decode(reader, container, name, options, pool, cancellationToken);
            }
        }

        return container is AudioContainer.Mp3 or AudioContainer.Ogg ? null : throw new AudioDecodeException(name, error);
    }

    private static byte[] ReadHeader(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        var header = new byte[Math.Min(file.Length, AudioFormatSniffer.HeaderLength)];
        file.ReadExactly(header);
        return header;
    }

    private static AudioContainer Recognise(ReadOnlySpan<byte> header, string? name)
    {
        if (header.IsEmpty)
        {
            throw new AudioDecodeException(name, "the file is empty (0 bytes)");
        }

        var container = AudioFormatSniffer.Detect(header);
        return container == AudioContainer.Unknown
            ? throw new UnsupportedAudioException(name, AudioFormatSniffer.DescribeUnknown(header))
            : container;
    }

    private static DecodedSamples Decode(IPcmReader reader, AudioContainer container, string? name, AudioLoadOptions options, ArrayPool<float>? pool,
        CancellationToken cancellationToken)
    {
        if (reader.Channels <= 0 || reader.SampleRate <= 0)
        {
            throw new AudioDecodeException(name, $"invalid stream parameters ({reader.Channels} channels at {reader.SampleRate} Hz)");
        }

        var channels = reader.Channels;
        var resample = reader.SampleRate != options.SampleRate;
        var ratio = (double)options.SampleRate / reader.SampleRate;
        var limit = options.MaxSamples ?? int.MaxValue;
        var expected = reader.Frames is { } frames and > 0 ? (long)Math.Ceiling(frames * ratio) : (long?)null;
        if (expected > Array.MaxLength && options.MaxSamples is null)
        {
            throw new AudioDecodeException(name, $"the audio is too long ({expected} samples at {options.SampleRate} Hz)");
        }

        var output = new SampleBuffer(expected is { } e ? (int)Math.Min(e, limit) : 1 << 20, limit, pool);
        // Block buffers (128 KB and up: large objects) come from the shared pool, not new for every file.
        var interleavedArray = ArrayPool<float>.Shared.Rent(BlockFrames * channels);
        var monoArray = channels == 1 ? interleavedArray : ArrayPool<float>.Shared.Rent(BlockFrames);
        try
        {
            var interleaved = interleavedArray.AsSpan(0, BlockFrames * channels);
            var mono = monoArray.AsSpan(0, BlockFrames);
            using var resampler = resample ? new SoxrResampler(reader.SampleRate, options.SampleRate, name) : null;
            Action<ReadOnlySpan<float>> append = output.Append;
            long inputFrames = 0;
            while (output.Count < limit)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var read = reader.ReadFrames(interleaved);
                if (read == 0)
                {
                    resampler?.Flush(append);
                    break;
                }

                inputFrames += read;
                if (channels > 1)
                {
                    Downmix(interleaved[..(read * channels)], channels, mono[..read]);
                }

                if (resampler is null)
                {
                    output.Append(mono[..read]);
                }
                else
                {
                    resampler.Process(mono[..read], append);
                }
            }

            if (inputFrames == 0)
            {
                throw new AudioDecodeException(name, "the file contains no audio samples");
            }

            var length = resample ? (long)Math.Ceiling(inputFrames * ratio) : inputFrames;
            var kept = (int)Math.Min(length, limit);
            return new DecodedSamples(output.ToArray(kept), kept, options.SampleRate, reader.SampleRate, channels, container);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(interleavedArray);
            if (!ReferenceEquals(monoArray, interleavedArray))
            {
                ArrayPool<float>.Shared.Return(monoArray);
            }
        }
    }

    /// <summary>np.mean over channels in float32: channels summed in order, then divided by their count.</summary>
    internal static void Downmix(ReadOnlySpan<float> interleaved, int channels, Span<float> mono)
    {
        var frames = interleaved.Length / channels;
        for (var i = 0; i < frames; i++)
        {
            var frame = interleaved.Slice(i * channels, channels);
            var sum = frame[0];
            for (var c = 1; c < channels; c++)
            {
                sum += frame[c];
            }

            mono[i] = sum / channels;
        }
    }
}
