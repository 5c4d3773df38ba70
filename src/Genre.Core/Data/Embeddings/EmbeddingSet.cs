using Genre.Data.Numpy;

namespace Genre.Data.Embeddings;

/// <summary>
/// The AudioSet network's view of a labelled dataset, one row per window: <c>embedding</c> (N, 384) float32,
/// <c>logits</c> (N, 527) float32, <c>labels</c> (N,) int64 into <c>mapping</c> (the labels, sorted), <c>track</c> (N,)
/// clip ids (the file name without extension, or the relative path where two files share a name), <c>path</c> (N,)
/// each file relative to the dataset root, <c>window</c> (N,) int64 the window's index in its file's 10 s grid,
/// <c>silent</c> (N,) int64, and the extraction's <c>window_policy</c> and <c>network</c> (the base weights' SHA-256).
/// A numpy .npz, so <c>numpy.load</c> reads it; a head is trained on it by <c>genre train --kind audioset-head</c>.
/// </summary>
public sealed class EmbeddingSet
{
    /// <summary>Floats per embedding: the width of the AudioSet network's last hidden layer.</summary>
    public const int EmbeddingSize = 384;

    /// <summary>Logits per window: AudioSet's sound classes.</summary>
    public const int AudioSetClasses = 527;

    private EmbeddingSet(IReadOnlyList<FileEmbeddings> files, string[] mapping, string windowPolicy, string network)
    {
        Files = files;
        Mapping = mapping;
        WindowPolicy = windowPolicy;
        Network = network;
        var count = files.Sum(f => f.Count);
        Embeddings = new float[count * EmbeddingSize];
        Logits = new float[count * AudioSetClasses];
        Labels = new long[count];
        Tracks = new string[count];
        Paths = new string[count];
        Windows = new long[count];
        Silent = new bool[count];
        var ids = TrackIds(files);
        var n = 0;
        foreach (var (file, id) in files.Zip(ids))
        {
            var label = Array.IndexOf(mapping, file.Label);
            file.Embeddings.CopyTo(Embeddings.AsSpan(n * EmbeddingSize));
            file.Logits.CopyTo(Logits.AsSpan(n * AudioSetClasses));
            for (var w = 0; w < file.Count; w++, n++)
            {
                Labels[n] = label;
                Tracks[n] = id;
                Paths[n] = file.RelativePath;
                Windows[n] = file.Windows[w];
                Silent[n] = file.Silent[w];
            }
        }
    }

    /// <summary>The files, in dataset order (label, then relative path).</summary>
    public IReadOnlyList<FileEmbeddings> Files { get; }

#pragma warning disable CA1819 // Flat arrays: the rows handed to the head trainer and to numpy.
    /// <summary>The labels, sorted by name (ordinal); a row's label indexes into it.</summary>
    public string[] Mapping { get; }

    /// <summary>Every window's embedding: <see cref="Count"/> x <see cref="EmbeddingSize"/>, row-major.</summary>
    public float[] Embeddings { get; }

    /// <summary>Every window's AudioSet logits: <see cref="Count"/> x <see cref="AudioSetClasses"/>, row-major.</summary>
    public float[] Logits { get; }

    /// <summary>Each window's label, an index into <see cref="Mapping"/>.</summary>
    public long[] Labels { get; }

    /// <summary>Each window's clip id: its file's name without extension, or its relative path where two files share a name.</summary>
    public string[] Tracks { get; }

    /// <summary>Each window's file, relative to the dataset root ('/'-separated).</summary>
    public string[] Paths { get; }

    /// <summary>Each window's index in its file's 10 s grid.</summary>
    public long[] Windows { get; }

    /// <summary>Which windows are digital silence (they do not vote in a track's verdict).</summary>
    public bool[] Silent { get; }
#pragma warning restore CA1819

    /// <summary>Which windows of each file were taken: first30, full or spread.</summary>
    public string WindowPolicy { get; }

    /// <summary>The base network: its architecture and the SHA-256 of its weights file.</summary>
    public string Network { get; }

    /// <summary>The number of windows (rows).</summary>
    public int Count => Labels.Length;

    /// <summary>Window <paramref name="i"/>'s embedding, without a copy.</summary>
    public ReadOnlySpan<float> Embedding(int i) => Embeddings.AsSpan(i * EmbeddingSize, EmbeddingSize);

    /// <summary>The set of <paramref name="files"/> (sorted into dataset order); the labels are those the files use, sorted.</summary>
    public static EmbeddingSet Create(IEnumerable<FileEmbeddings> files, string windowPolicy, string network)
    {
        ArgumentNullException.ThrowIfNull(files);
        var sorted = files.OrderBy(f => f.Label, StringComparer.Ordinal).ThenBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
        return new EmbeddingSet(sorted, [.. sorted.Select(f => f.Label).Distinct().Order(StringComparer.Ordinal)], windowPolicy, network);
    }

    /// <summary>The same windows with other embeddings (<see cref="Count"/> x <see cref="EmbeddingSize"/>, row-major): a fine-tuned network's.</summary>
    internal EmbeddingSet WithEmbeddings(float[] embeddings)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        if (embeddings.Length != Embeddings.Length)
        {
            throw new ArgumentException($"{Count} windows need {Embeddings.Length} floats, got {embeddings.Length}", nameof(embeddings));
        }

        var row = 0;
        var files = new List<FileEmbeddings>(Files.Count);
        foreach (var file in Files)
        {
            files.Add(file with { Embeddings = embeddings.AsSpan(row * EmbeddingSize, file.Count * EmbeddingSize).ToArray() });
            row += file.Count;
        }

        return new EmbeddingSet(files, Mapping, WindowPolicy, Network);
    }

    /// <summary>Writes the .npz atomically: a failure never leaves half a file under <paramref name="path"/>.</summary>
    public void Save(string path) =>
        AtomicFile.Write(path, file => NpzArchive.Write(file,
        [
            new("embedding", NpyArray.FromFloat32(Embeddings, Count, EmbeddingSize)),
            new("logits", NpyArray.FromFloat32(Logits, Count, AudioSetClasses)),
            new("labels", NpyArray.FromInt64(Labels, Count)),
            new("mapping", NpyArray.FromStrings(Mapping)),
            new("track", NpyArray.FromStrings(Tracks)),
            new("path", NpyArray.FromStrings(Paths)),
            new("window", NpyArray.FromInt64(Windows, Count)),
            new("silent", NpyArray.FromInt64([.. Silent.Select(s => s ? 1L : 0L)], Count)),
            new("window_policy", NpyArray.FromStrings([WindowPolicy])),
            new("network", NpyArray.FromStrings([Network])),
        ]));

    /// <summary>Reads and checks an embedding file; every problem is a <see cref="DatasetException"/> naming it.</summary>
    public static EmbeddingSet Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new DatasetException(path, Directory.Exists(path)
                ? "is a folder, not an embedding file (.npz)"
                : "embedding file not found; make one with: genre extract --kind audioset --data DIR --out FILE.npz");
        }

        try
        {
            Dictionary<string, NpyArray> arrays;
            using (var stream = File.OpenRead(path))
            {
                arrays = NpzArchive.Read(stream);
            }

            return FromArrays(arrays);
        }
        catch (InvalidDataException e)
        {
            throw new DatasetException(path, $"not a valid embedding file from 'genre extract --kind audioset': {e.Message}", e);
        }
    }

    private static EmbeddingSet FromArrays(Dictionary<string, NpyArray> arrays)
    {
        NpyArray Need(string name) => arrays.TryGetValue(name, out var a)
            ? a
            : throw new InvalidDataException($"array '{name}' is missing (found: {string.Join(", ", arrays.Keys)})");

        if (!arrays.ContainsKey("embedding") && arrays.ContainsKey("mfcc"))
        {
            throw new InvalidDataException("this is an MFCC feature file for the CNN; make embeddings with: genre extract --kind audioset --data DIR --out FILE.npz");
        }

        var embedding = Need("embedding");
        if (embedding.Shape is not [var count, EmbeddingSize])
        {
            throw new InvalidDataException($"'embedding' has shape ({string.Join(", ", embedding.Shape)}); expected (N, {EmbeddingSize})");
        }

        var logits = Need("logits");
        if (logits.Shape is not [var rows, AudioSetClasses] || rows != count)
        {
            throw new InvalidDataException($"'logits' has shape ({string.Join(", ", logits.Shape)}); expected ({count}, {AudioSetClasses})");
        }

        var labels = Need("labels").ToInt64();
        var mapping = Need("mapping").ToStrings();
        var paths = Need("path").ToStrings();
        var windows = Need("window").ToInt64();
        var silent = Need("silent").ToInt64();
        foreach (var (name, length) in new[] { ("labels", labels.Length), ("path", paths.Length), ("window", windows.Length), ("silent", silent.Length) })
        {
            if (length != count)
            {
                throw new InvalidDataException($"'{name}' has {length} entries but 'embedding' has {count} rows");
            }
        }

        if (labels.Any(l => l < 0 || l >= mapping.Length))
        {
            throw new InvalidDataException($"a label is out of range: there are {mapping.Length} labels");
        }

        var values = embedding.ToFloat32();
        var logitValues = logits.ToFloat32();
        if (!values.All(float.IsFinite) || !logitValues.All(float.IsFinite))
        {
            throw new InvalidDataException("'embedding' or 'logits' holds a non-finite value");
        }

        var files = new List<FileEmbeddings>();
        for (var start = 0; start < count;)
        {
            var end = start;
            while (end < count && paths[end] == paths[start])
            {
                end++;
            }

            files.Add(new FileEmbeddings(paths[start], mapping[labels[start]], windows[start..end],
                values[(start * EmbeddingSize)..(end * EmbeddingSize)], logitValues[(start * AudioSetClasses)..(end * AudioSetClasses)],
                [.. silent[start..end].Select(s => s != 0)]));
            start = end;
        }

        return Create(files, Need("window_policy").ToStrings().Single(), Need("network").ToStrings().Single());
    }

    /// <summary>Each file's clip id: its name without extension, or its relative path without extension where two files share that name.</summary>
    private static string[] TrackIds(IReadOnlyList<FileEmbeddings> files)
    {
        var stems = files.Select(f => Path.GetFileNameWithoutExtension(f.RelativePath)).ToArray();
        var counts = stems.GroupBy(s => s, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return [.. files.Select((f, i) => counts[stems[i]] == 1 ? stems[i] : Path.ChangeExtension(f.RelativePath, null))];
    }
}
