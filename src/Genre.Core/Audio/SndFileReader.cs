using System.Runtime.InteropServices;
using Genre.Audio.Native;

namespace Genre.Audio;

/// <summary>Decodes through libsndfile, from a path or (via <c>sf_open_virtual</c>) from any seekable stream.</summary>
internal sealed unsafe class SndFileReader : IPcmReader
{
    private readonly SndFileHandle _file;
    private readonly string? _path;
    private GCHandle _stream;

    private SndFileReader(SndFileHandle file, SndFile.SF_INFO info, string? path, GCHandle stream)
    {
        _file = file;
        _path = path;
        _stream = stream;
        SampleRate = info.SampleRate;
        Channels = info.Channels;
        Frames = info.Frames;
        Format = info.Format;
    }

    public int SampleRate { get; }

    public int Channels { get; }

    public long? Frames { get; }

    /// <summary>libsndfile's SF_FORMAT_* code: container in the high word, encoding in the low.</summary>
    public int Format { get; }

    /// <summary>
    /// A failed open has no handle, and sf_strerror(NULL) reads libsndfile's one global error: with loaders on several
    /// threads it could give another file's reason. The open and the reading of its error happen under one lock (an
    /// open parses only the header, so this costs little).
    /// </summary>
    private static readonly Lock s_openLock = new();

    /// <summary>Opens a file; returns null with libsndfile's reason when it does not recognise the content.</summary>
    public static SndFileReader? TryOpen(string path, out string error)
    {
        var info = default(SndFile.SF_INFO);
        IntPtr raw;
        lock (s_openLock)
        {
            raw = SndFile.Open(path, SndFile.SFM_READ, ref info);
            error = raw == IntPtr.Zero ? SndFile.LastError(IntPtr.Zero) : string.Empty;
        }

        return Wrap(raw, info, path, default);
    }

    /// <summary>Opens a seekable stream; the stream must outlive the reader.</summary>
    public static SndFileReader? TryOpen(Stream stream, string? name, out string error)
    {
        var handle = GCHandle.Alloc(stream);
        var io = new SndFile.SF_VIRTUAL_IO
        {
            GetFileLength = &GetLength,
            Seek = &Seek,
            Read = &Read,
            Write = &Write,
            Tell = &Tell,
        };
        var info = default(SndFile.SF_INFO);
        IntPtr raw;
        lock (s_openLock)
        {
            raw = SndFile.OpenVirtual(&io, SndFile.SFM_READ, ref info, GCHandle.ToIntPtr(handle));
            error = raw == IntPtr.Zero ? SndFile.LastError(IntPtr.Zero) : string.Empty;
        }

        var reader = Wrap(raw, info, name, handle);
        if (reader is null)
        {
            handle.Free();
        }

        return reader;
    }

    private static SndFileReader? Wrap(IntPtr raw, SndFile.SF_INFO info, string? path, GCHandle stream) =>
        raw == IntPtr.Zero ? null : new SndFileReader(new SndFileHandle(raw), info, path, stream);

    public int ReadFrames(Span<float> interleaved)
    {
        var frames = interleaved.Length / Channels;
        fixed (float* buffer = interleaved)
        {
            var read = SndFile.ReadFramesFloat(_file, buffer, frames);
            if (read < 0)
            {
                throw new AudioDecodeException(_path, SndFile.LastError(_file.DangerousGetHandle()));
            }

            return (int)read;
        }
    }

    public void Dispose()
    {
        _file.Dispose();
        if (_stream.IsAllocated)
        {
            _stream.Free();
        }
    }

    // Virtual I/O callbacks. An exception must never unwind into native code, so each one catches and reports failure.
    private static Stream StreamOf(IntPtr user) => (Stream)GCHandle.FromIntPtr(user).Target!;

    [UnmanagedCallersOnly]
    private static long GetLength(IntPtr user)
    {
        try
        {
            return StreamOf(user).Length;
        }
        catch (Exception)
        {
            return -1;
        }
    }

    [UnmanagedCallersOnly]
    private static long Seek(long offset, int whence, IntPtr user)
    {
        try
        {
            var origin = whence switch
            {
                SndFile.SEEK_CUR => SeekOrigin.Current,
                SndFile.SEEK_END => SeekOrigin.End,
                _ => SeekOrigin.Begin,
            };
            return StreamOf(user).Seek(offset, origin);
        }
        catch (Exception)
        {
            return -1;
        }
    }

    [UnmanagedCallersOnly]
    private static long Read(void* buffer, long count, IntPtr user)
    {
        try
        {
            var stream = StreamOf(user);
            var span = new Span<byte>(buffer, checked((int)count));
            var total = 0;
            while (total < span.Length)
            {
                var n = stream.Read(span[total..]);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            return total;
        }
        catch (Exception)
        {
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static long Write(void* buffer, long count, IntPtr user) => 0;

    [UnmanagedCallersOnly]
    private static long Tell(IntPtr user)
    {
        try
        {
            return StreamOf(user).Position;
        }
        catch (Exception)
        {
            return -1;
        }
    }
}
