using Genre.Audio;

namespace Genre.Data;

/// <summary>
/// A dataset in the Kaggle layout (<c>genres_original/&lt;genre&gt;/*.wav</c>), the original one
/// (<c>genres/&lt;genre&gt;/*.au</c>), or any folder whose subfolders are genres. Genres are sorted by name
/// (ordinal), so label numbers are the same on every machine; the original used directory order, which is not.
/// </summary>
public sealed class GtzanDataset
{
    private GtzanDataset(string root, IReadOnlyList<string> genres, IReadOnlyList<GtzanClip> clips)
    {
        Root = root;
        Genres = genres;
        Clips = clips;
    }

    /// <summary>The folder holding the genre folders.</summary>
    public string Root { get; }

    /// <summary>The genre folders that hold audio, sorted by name (ordinal): label i is genre i.</summary>
    public IReadOnlyList<string> Genres { get; }

    /// <summary>Clips ordered by genre, then file name.</summary>
    public IReadOnlyList<GtzanClip> Clips { get; }

    /// <summary>
    /// Finds the genre folders under <paramref name="directory"/> (<c>genres_original</c>, <c>Data/genres_original</c>,
    /// <c>genres</c>, or the folder itself, the first that has any) and lists their audio files.
    /// </summary>
    /// <exception cref="DatasetException">The folder is missing, is a file, or holds no genre folder with audio.</exception>
    public static GtzanDataset Open(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DatasetException(directory, File.Exists(directory)
                ? "is a file; expected a dataset folder such as data/gtzan (get it with: genre download)"
                : "dataset folder not found (get GTZAN with: genre download)");
        }

        foreach (var candidate in CandidateRoots(directory))
        {
            if (TryScan(candidate) is { } dataset)
            {
                return dataset;
            }
        }

        throw new DatasetException(directory,
            "no genre folders with audio files found; expected <dir>/genres_original/<genre>/*.wav (Kaggle) or <dir>/genres/<genre>/*.au (original GTZAN)");
    }

    /// <summary>Where the label folders may be, in the order they are looked for: GTZAN's layouts, then the folder itself.</summary>
    internal static IEnumerable<string> CandidateRoots(string directory) =>
        new[] { Path.Combine(directory, "genres_original"), Path.Combine(directory, "Data", "genres_original"), Path.Combine(directory, "genres"), directory }
            .Where(Directory.Exists);

    private static GtzanDataset? TryScan(string root)
    {
        var genres = new List<string>();
        var clips = new List<GtzanClip>();
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var files = Directory.EnumerateFiles(folder)
                .Where(f => AudioFormatSniffer.IsSupportedExtension(f) && !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (files.Count == 0)
            {
                continue;
            }

            var genre = Path.GetFileName(folder);
            genres.Add(genre);
            clips.AddRange(files.Select(f => new GtzanClip(f, Path.GetFileNameWithoutExtension(f), genre, genres.Count - 1)));
        }

        return genres.Count == 0 ? null : new GtzanDataset(root, genres, clips);
    }
}
