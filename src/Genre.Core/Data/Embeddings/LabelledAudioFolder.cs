using Genre.Audio;

namespace Genre.Data.Embeddings;

/// <summary>
/// A folder-per-label dataset for any taxonomy: <c>DIR/&lt;label&gt;/**/*.{wav,mp3,flac,ogg,m4a,...}</c>, the label
/// being the first folder under DIR and nested folders below it allowed; GTZAN's layouts (<c>genres_original/</c>,
/// <c>genres/</c>) are found as <see cref="GtzanDataset"/> finds them. Labels are sorted by name (ordinal), files by
/// label then relative path, so the order is the same on every machine.
/// </summary>
public sealed class LabelledAudioFolder
{
    private LabelledAudioFolder(string root, IReadOnlyList<string> labels, IReadOnlyList<LabelledFile> files)
    {
        Root = root;
        Labels = labels;
        Files = files;
    }

    /// <summary>The folder holding the label folders.</summary>
    public string Root { get; }

    /// <summary>The label folders that hold audio, sorted by name (ordinal).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Every audio file, by label then relative path; hidden files and folders are left out.</summary>
    public IReadOnlyList<LabelledFile> Files { get; }

    /// <summary>Finds the label folders under <paramref name="directory"/> (GTZAN's layouts first) and lists their audio files.</summary>
    /// <exception cref="DatasetException">The folder is missing, is a file, or holds no label folder with audio.</exception>
    public static LabelledAudioFolder Open(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DatasetException(directory, File.Exists(directory)
                ? "is a file; expected a folder with one folder of audio files per label"
                : "dataset folder not found");
        }

        foreach (var candidate in GtzanDataset.CandidateRoots(directory))
        {
            if (TryScan(candidate) is { } folder)
            {
                return folder;
            }
        }

        throw new DatasetException(directory,
            "no label folders with audio files found; expected <dir>/<label>/*.wav (or .mp3, .flac, .ogg, .m4a; nested folders allowed), one folder per label");
    }

    private static LabelledAudioFolder? TryScan(string root)
    {
        var labels = new List<string>();
        var files = new List<LabelledFile>();
        foreach (var folder in Directory.EnumerateDirectories(root).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal))
        {
            var label = Path.GetFileName(folder);
            var audio = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => AudioFormatSniffer.IsSupportedExtension(f) && !IsHidden(Path.GetRelativePath(folder, f)))
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (audio.Count > 0)
            {
                labels.Add(label);
                files.AddRange(audio.Select(relative => new LabelledFile(Path.Combine(root, relative), relative, label)));
            }
        }

        return labels.Count == 0 ? null : new LabelledAudioFolder(root, labels, files);
    }

    private static bool IsHidden(string relative) => relative.Replace('\\', '/').Split('/').Any(part => part.StartsWith('.'));
}
