using System.Reflection;
using System.Runtime.InteropServices;

namespace Genre.Audio.Native;

/// <summary>
/// The native libraries the project calls, by the names the P/Invoke declarations use, and where to find them.
/// Debian ships only versioned sonames (libsndfile.so.1), so the bare names are resolved here once.
/// </summary>
internal static class NativeLibraryNames
{
    public const string SndFile = "sndfile";
    public const string Soxr = "soxr";
    public const string RubberBand = "rubberband";
    public const string LibC = "c";

    private static readonly Dictionary<string, (string[] Candidates, string Package)> s_known = new(StringComparer.Ordinal)
    {
        [SndFile] = (["libsndfile.so.1", "libsndfile.so", "libsndfile.1.dylib", "sndfile.dll", "libsndfile-1.dll"], "libsndfile1"),
        [Soxr] = (["libsoxr.so.0", "libsoxr.so", "libsoxr.0.dylib", "soxr.dll", "libsoxr.dll"], "libsoxr0"),
        [LibC] = (["libc.so.6", "libc.dylib"], "libc6"),
        [RubberBand] = (["librubberband.so.2", "librubberband.so", "librubberband.2.dylib", "rubberband.dll"], "librubberband2"),
    };

    private static int s_registered;

    /// <summary>Installs the resolver; called from the static constructor of every interop class.</summary>
    public static void EnsureResolver()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(NativeLibraryNames).Assembly, Resolve);
        }
    }

    /// <summary>Whether <paramref name="name"/> can be loaded here, and the Debian package that installs it.</summary>
    public static bool IsAvailable(string name, out string package)
    {
        var entry = s_known[name];
        package = entry.Package;
        foreach (var candidate in entry.Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, typeof(NativeLibraryNames).Assembly, null, out _))
            {
                return true;
            }
        }

        return false;
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!s_known.TryGetValue(name, out var entry))
        {
            return IntPtr.Zero;
        }

        foreach (var candidate in entry.Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException(
            $"Native library '{name}' not found (tried {string.Join(", ", entry.Candidates)}). " +
            $"On Debian/Ubuntu install it with: sudo apt-get install {entry.Package}   (or run eng/setup.sh)");
    }
}
