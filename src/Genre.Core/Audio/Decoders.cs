using Genre.Audio.Native;

namespace Genre.Audio;

/// <summary>
/// What decoding needs from the machine: libsndfile (wav, flac, ogg, mp3, ...), libsoxr (resampling) and the ffmpeg
/// program (m4a/AAC and what libsndfile refuses). A server checks them before it listens, so a missing one is one line
/// at start, not a 415 or 500 on every upload.
/// </summary>
public static class Decoders
{
    /// <summary>Whether each decoding dependency can be loaded or run here: libsndfile, libsoxr, then ffmpeg.</summary>
    /// <returns>One status per dependency, with the Debian package that installs it.</returns>
    public static IReadOnlyList<DecoderStatus> Check()
    {
        var sndfile = NativeLibraryNames.IsAvailable(NativeLibraryNames.SndFile, out var sndfilePackage);
        var soxr = NativeLibraryNames.IsAvailable(NativeLibraryNames.Soxr, out var soxrPackage);
        return
        [
            new("libsndfile", sndfile, sndfilePackage),
            new("libsoxr", soxr, soxrPackage),
            new("ffmpeg", IsOnPath("ffmpeg"), "ffmpeg"),
        ];
    }

    /// <summary>Throws a <see cref="DependencyException"/> naming every missing decoder and its package.</summary>
    public static void EnsureAvailable()
    {
        var missing = Check().Where(d => !d.Available).ToList();
        if (missing.Count > 0)
        {
            throw new DependencyException(
                $"{string.Join(" and ", missing.Select(d => d.Name))} not found; install with: sudo apt-get install {string.Join(' ', missing.Select(d => d.Package))}   (or run eng/setup.sh)");
        }
    }

    /// <summary>The same search Process.Start does for a bare program name: every folder on PATH.</summary>
    private static bool IsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));
}
