using System.Globalization;

namespace Genre.Kinds.AudioSet;

/// <summary>
/// AudioSet's 527 class names (Google's ontology, <c>class_labels_indices.csv</c>, CC BY 4.0) and the classes this
/// program reads beyond the genres: the music classes, to tell music from everything else, and the music tags worth
/// showing (singing and rapping, instruments, other styles, moods).
/// </summary>
internal sealed class AudioSetClasses
{
    public const string FileName = "class_labels_indices.csv";

    public const int Count = 527;

    /// <summary>"Music": AudioSet's detector for music of any kind.</summary>
    public const int Music = 137;

    private AudioSetClasses(string[] names) => Names = names;

    public IReadOnlyList<string> Names { get; }

    /// <summary>The ten GTZAN genres' AudioSet classes, chosen by name before any test (the pretrained folder's README).</summary>
    public static IReadOnlyDictionary<string, int> GtzanGenres { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["blues"] = 251,
        ["classical"] = 237,
        ["country"] = 229,
        ["disco"] = 236,
        ["hiphop"] = 217,
        ["jazz"] = 235,
        ["metal"] = 220,
        ["pop"] = 216,
        ["reggae"] = 228,
        ["rock"] = 219,
    };

    /// <summary>
    /// AudioSet's music classes: Singing .. Rapping (27-36), Music itself (137) and the Music subtree's instruments,
    /// genres, styles and moods (138-282). The ontology makes each child imply music, but the network under-predicts
    /// the parent: a string quartet scores high on Violin and Orchestra and lower on Music.
    /// </summary>
    public static IReadOnlyList<int> MusicClasses { get; } = [.. Enumerable.Range(27, 10).Concat(Enumerable.Range(Music, 146))];

    /// <summary>Tag candidates: the music classes but Music itself and the genre outputs.</summary>
    public static int[] TagClasses(IReadOnlyCollection<int> genreOutputs) =>
        [.. MusicClasses.Where(c => c != Music && !genreOutputs.Contains(c))];

    /// <summary>Reads <c>index,mid,display_name</c> rows; every problem is a <see cref="ModelFileException"/> naming the file.</summary>
    public static AudioSetClasses Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ModelFileException(path, "AudioSet class names not found: the model folder is incomplete");
        }

        var names = new string?[Count];
        foreach (var (line, number) in File.ReadLines(path).Select((l, i) => (l, i + 1)).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            // The display name is the third field and may itself hold commas inside its quotes.
            var first = line.IndexOf(',', StringComparison.Ordinal);
            var second = first < 0 ? -1 : line.IndexOf(',', first + 1);
            if (second < 0 || !int.TryParse(line.AsSpan(0, first), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= Count)
            {
                throw new ModelFileException(path, $"line {number} is not 'index,mid,display_name' with an index below {Count}");
            }

            names[index] = line[(second + 1)..].Trim().Trim('"');
        }

        var missing = Array.IndexOf(names, null);
        if (missing >= 0)
        {
            throw new ModelFileException(path, $"class {missing} has no name ({Count} classes expected)");
        }

        return new AudioSetClasses(names!);
    }
}
