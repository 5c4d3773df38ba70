using System.Runtime.InteropServices;

namespace Genre.Audio.Native;

/// <summary>
/// The C library's statx (Linux 4.11, glibc 2.28): the one way to tell a pipe or a device from an empty regular file,
/// which .NET's FileInfo reports identically (Normal, length 0). statx's buffer has one layout on every architecture.
/// </summary>
internal static unsafe partial class LibC
{
    public const int AtCurrentDirectory = -100;
    public const uint StatxType = 0x1;
    public const int StatxBufferSize = 256;

    /// <summary>Offset of stx_mode (a ushort) in struct statx.</summary>
    public const int StatxModeOffset = 28;

    public const int FileTypeMask = 0xF000;
    public const int RegularFile = 0x8000;
    public const int DirectoryType = 0x4000;

    static LibC() => NativeLibraryNames.EnsureResolver();

    [LibraryImport(NativeLibraryNames.LibC, EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);
}
