using Genre.Audio.Native;

namespace Genre.Audio;

/// <summary>Which files a user's arguments name: the one rule for every command that takes files or folders.</summary>
public static class AudioFiles
{
    /// <summary>
    /// Files as given; folders expanded to their audio files (by extension, recursively, in ordinal order). A path that
    /// does not exist stays, to fail by name. Inside folders, pipes, devices and sockets are left out and named to
    /// <paramref name="skipped"/>: opening a pipe that has no writer would wait for ever.
    /// </summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs, Action<string>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                files.AddRange(InFolder(input, SearchOption.AllDirectories, skipped));
            }
            else
            {
                files.Add(input);
            }
        }

        return files;
    }

    /// <summary>The audio files of one folder, in ordinal order, without pipes, devices and sockets (named to <paramref name="skipped"/>).</summary>
    internal static IEnumerable<string> InFolder(string folder, SearchOption depth, Action<string>? skipped) =>
        Directory.EnumerateFiles(folder, "*", depth)
            .Where(AudioFormatSniffer.IsSupportedExtension)
            .Where(f => !IsSpecial(f, skipped))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="path"/> (after symbolic links) is a pipe, a device or a socket. False for regular files,
    /// folders and paths that cannot be examined (a dangling link fails later, by name); false everywhere but Linux.
    /// </summary>
    internal static unsafe bool IsSpecial(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var buffer = stackalloc byte[LibC.StatxBufferSize];
        if (LibC.Statx(LibC.AtCurrentDirectory, path, 0, LibC.StatxType, buffer) != 0)
        {
            return false;
        }

        var type = *(ushort*)(buffer + LibC.StatxModeOffset) & LibC.FileTypeMask;
        return type is not LibC.RegularFile and not LibC.DirectoryType;
    }

    private static bool IsSpecial(string path, Action<string>? skipped)
    {
        if (!IsSpecial(path))
        {
            return false;
        }

        skipped?.Invoke($"{path}: not a regular file (a pipe, a device or a socket); skipped");
        return true;
    }
}
