using System.Runtime.InteropServices;

namespace Genre.Audio.Native;

/// <summary>libsndfile 1.x: the decoder librosa (through soundfile) uses for wav, flac, ogg, mp3, au and aiff.</summary>
internal static unsafe partial class SndFile
{
    public const int SFM_READ = 0x10;
    public const int SFM_WRITE = 0x20;
    public const int SEEK_SET = 0;
    public const int SEEK_CUR = 1;
    public const int SEEK_END = 2;
    public const int SF_FORMAT_TYPEMASK = 0x0FFF0000;
    public const int SF_FORMAT_SUBMASK = 0x0000FFFF;

    static SndFile() => NativeLibraryNames.EnsureResolver();

    [StructLayout(LayoutKind.Sequential)]
    public struct SF_INFO
    {
        public long Frames;
        public int SampleRate;
        public int Channels;
        public int Format;
        public int Sections;
        public int Seekable;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct SF_VIRTUAL_IO
    {
        public delegate* unmanaged<IntPtr, long> GetFileLength;
        public delegate* unmanaged<long, int, IntPtr, long> Seek;
        public delegate* unmanaged<void*, long, IntPtr, long> Read;
        public delegate* unmanaged<void*, long, IntPtr, long> Write;
        public delegate* unmanaged<IntPtr, long> Tell;
    }

    [LibraryImport(NativeLibraryNames.SndFile, EntryPoint = "sf_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr Open(string path, int mode, ref SF_INFO info);

    [LibraryImport(NativeLibraryNames.SndFile, EntryPoint = "sf_open_virtual")]
    public static partial IntPtr OpenVirtual(SF_VIRTUAL_IO* io, int mode, ref SF_INFO info, IntPtr userData);

    [LibraryImport(NativeLibraryNames.SndFile, EntryPoint = "sf_readf_float")]
    public static partial long ReadFramesFloat(SndFileHandle file, float* buffer, long frames);

    [LibraryImport(NativeLibraryNames.SndFile, EntryPoint = "sf_writef_short")]
    public static partial long WriteFramesShort(SndFileHandle file, short* buffer, long frames);

    [LibraryImport(NativeLibraryNames.SndFile, EntryPoint = "sf_writef_float")]
    public static partial long WriteFramesFloat(SndFileHandle file, float* buffer, long frames);

    [LibraryImport(NativeLibraryNames.SndFile, EntryPoint = "sf_close")]
    public static partial int Close(IntPtr file);

    [LibraryImport(NativeLibraryNames.SndFile, EntryPoint = "sf_strerror")]
    public static partial IntPtr StrError(IntPtr file);

    public static string LastError(IntPtr file) => Marshal.PtrToStringUTF8(StrError(file)) ?? "unknown libsndfile error";
}

/// <summary>Owns one SNDFILE*; closing it is never forgotten, even when decoding throws.</summary>
internal sealed class SndFileHandle : SafeHandle
{
    public SndFileHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public SndFileHandle(IntPtr handle) : this() => SetHandle(handle);

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle() => SndFile.Close(handle) == 0;
}
