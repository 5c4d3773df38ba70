using Genre.Data;
using Genre.Data.Embeddings;
using Genre.Inference;
using Genre.Kinds.AudioSet;
using static TorchSharp.torch;

namespace Genre.Training.Head;

/// <summary>
/// The frozen part of the AudioSet network (features.0 ... features.K-1) run once over every window of an embedding
/// set: fine-tuning trains only features.K ... features.16, so each epoch starts from these activations instead of the
/// audio (a 64 x 4 x 32 block a window for K = 15, 32 KB, against 512 KB of mel input). The files are decoded again
/// from the dataset folder exactly as extraction decoded them, and each window's embedding through the untouched
/// network must match the embedding file's: the check that <c>--data</c> is the folder the embeddings came from.
/// </summary>
internal sealed class FrozenActivations : IDisposable
{
    /// <summary>
    /// Largest difference allowed between an embedding recomputed here (TorchSharp) and the file's (ONNX Runtime): the
    /// two runtimes agree to about 1e-4 on the same audio, a different recording differs by whole units.
    /// </summary>
    public const float EmbeddingTolerance = 0.01f;

    private FrozenActivations(Tensor values, TimeSpan elapsed)
    {
        Values = values;
        Elapsed = elapsed;
    }

    /// <summary>How long decoding and the frozen part took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>(windows, channels, bands, frames), in the set's row order.</summary>
    public Tensor Values { get; }

    /// <summary>
    /// Decodes every file of <paramref name="set"/> from <paramref name="dataDirectory"/> and runs its windows through
    /// features.0 ... features.<c><paramref name="first"/> - 1</c> of <paramref name="network"/> (in eval mode, no gradient).
    /// </summary>
    /// <exception cref="DatasetException">A file is missing from the folder, or gives other embeddings than the file's.</exception>
    public static FrozenActivations Compute(EmbeddingSet set, string dataDirectory, EfficientAtNetwork network, int first, Action<ExtractionProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(network);
        var window = PredictionWindows.TryParse(set.WindowPolicy, out var w) ? w : PredictionWindow.Spread;
        // Relative paths as extraction saw them: the same folder, opened the same way (GTZAN's genres_original/ included).
        var folder = LabelledAudioFolder.Open(dataDirectory);
        var paths = folder.Files.ToDictionary(f => f.RelativePath, f => f.Path, StringComparer.Ordinal);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var parts = new List<Tensor>(set.Files.Count);
        try
        {
            using var noGrad = no_grad();
            var row = 0;
            for (var f = 0; f < set.Files.Count; f++)
            {
                var file = set.Files[f];
                if (!paths.TryGetValue(file.RelativePath, out var path))
                {
                    throw new DatasetException(Path.Combine(folder.Root, file.RelativePath),
                        $"is in the embeddings but not in {dataDirectory}: give --data the folder the embeddings were extracted from");
                }

                var samples = EmbeddingExtractor.LoadSignal(path, window, cancellationToken);
                var inputs = AudioSetWindowScores.Featurise(samples, [.. file.Windows.Select(i => (int)i)], pool: null, cancellationToken);
                using var mel = tensor(inputs.Inputs, [file.Count, 1, EfficientAtLayout.MelBands, EfficientAtLayout.Frames]);
                var activation = network.Features(mel, 0, first);
                parts.Add(activation);
                Check(set, network, activation, first, row, path);
                row += file.Count;
                progress?.Invoke(new ExtractionProgress(f + 1, set.Files.Count, file.RelativePath, null));
            }

            return new FrozenActivations(cat(parts, 0), clock.Elapsed);
        }
        finally
        {
            foreach (var part in parts)
            {
                part.Dispose();
            }
        }
    }

    public void Dispose() => Values.Dispose();

    private static void Check(EmbeddingSet set, EfficientAtNetwork network, Tensor activation, int first, int row, string path)
    {
        using var embedding = network.Embedding(activation, first);
        var recomputed = embedding.data<float>().ToArray();
        var expected = set.Embeddings.AsSpan(row * EmbeddingSet.EmbeddingSize, recomputed.Length);
        var worst = 0f;
        for (var i = 0; i < recomputed.Length; i++)
        {
            worst = MathF.Max(worst, MathF.Abs(recomputed[i] - expected[i]));
        }

        if (!(worst <= EmbeddingTolerance))
        {
            throw new DatasetException(path, FormattableString.Invariant(
                $"gives other embeddings than the embedding file holds for it (largest difference {worst:G3}): give --data the folder the embeddings were extracted from, unchanged"));
        }
    }
}
