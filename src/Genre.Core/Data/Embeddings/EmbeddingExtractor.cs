using System.Diagnostics;
using Genre.Audio;
using Genre.Inference;
using Genre.Kinds;
using Genre.Kinds.AudioSet;
using Genre.Model;

namespace Genre.Data.Embeddings;

/// <summary>
/// Embeddings once, heads many times: runs every file of a labelled folder through the AudioSet network and keeps each
/// chosen window's embedding and logits (<see cref="EmbeddingSet"/>). Resumable: files already in the output are kept,
/// not extracted again, and the work done so far is written every <see cref="EmbeddingExtractionRequest.CheckpointInterval"/>
/// (atomically, as the final write), so an interrupted run loses at most that much. A file that cannot be read is
/// skipped and named, never an abort.
/// </summary>
public static class EmbeddingExtractor
{
    /// <summary>Extracts the embeddings <paramref name="request"/> asks for and writes them; see the class summary for resuming.</summary>
    /// <param name="request">The folder, the output, the base model, the windows and the threads.</param>
    /// <param name="progress">Told after each file extracted now (its relative path, and its reason when skipped).</param>
    /// <param name="cancellationToken">Stops between files; what the last checkpoint wrote stays.</param>
    /// <returns>The set written, with counts of files extracted, reused and skipped.</returns>
    /// <exception cref="DatasetException">The folder holds no labelled audio, no file could be read, or the existing output was made with other windows or another network.</exception>
    /// <exception cref="ModelFileException">The base model is missing, broken, or not of kind <c>audioset</c>.</exception>
    public static EmbeddingExtractionResult Extract(EmbeddingExtractionRequest request, IProgress<ExtractionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var clock = Stopwatch.StartNew();
        var folder = LabelledAudioFolder.Open(request.DataDirectory);
        var (_, tensors) = ModelFolder.Read(request.BaseModelDirectory, ModelKinds.AudioSet);
        var network = NetworkId(request.BaseModelDirectory);
        var policy = PredictionWindows.Name(request.Window);
        var present = folder.Files.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var done = ExistingFiles(request.OutputPath, policy, network).Where(f => present.Contains(f.RelativePath)).ToList();
        var reused = done.Count;
        var known = done.Select(f => f.RelativePath).ToHashSet(StringComparer.Ordinal);
        var todo = folder.Files.Where(f => !known.Contains(f.RelativePath)).ToList();
        var skipped = new SkippedClip?[todo.Count];
        var gate = new Lock();
        var lastCheckpoint = Stopwatch.StartNew();
        var count = 0;
        using (var model = EfficientAtOnnxNetwork.Create(tensors))
        {
            Parallel.For(0, todo.Count, new ParallelOptions
            {
                MaxDegreeOfParallelism = request.Threads ?? Environment.ProcessorCount,
                CancellationToken = cancellationToken,
            }, i =>
            {
                var file = todo[i];
                FileEmbeddings? result = null;
                try
                {
                    result = Embed(model, file, request.Window, cancellationToken);
                }
                catch (Exception e) when (InputFailure.Is(e))
                {
                    skipped[i] = new SkippedClip(file.Path, InputFailure.Reason(e, file.Path));
                }

                lock (gate)
                {
                    if (result is not null)
                    {
                        done.Add(result);
                    }

                    if (lastCheckpoint.Elapsed >= request.CheckpointInterval && done.Count > 0)
                    {
                        EmbeddingSet.Create(done, policy, network).Save(request.OutputPath);
                        lastCheckpoint.Restart();
                    }

                    progress?.Report(new ExtractionProgress(++count, todo.Count, file.RelativePath, skipped[i]));
                }
            });
        }

        var missing = skipped.OfType<SkippedClip>().ToList();
        if (done.Count == 0)
        {
            throw new DatasetException(request.DataDirectory, $"no file could be read ({missing.Count} skipped); nothing written");
        }

        var set = EmbeddingSet.Create(done, policy, network);
        set.Save(request.OutputPath);
        return new EmbeddingExtractionResult(set, done.Count - reused, reused, missing, clock.Elapsed);
    }

    /// <summary>The network's identity in an embedding file: its architecture and the SHA-256 of the weights file.</summary>
    public static string NetworkId(string modelDirectory) =>
        $"{EfficientAtLayout.Architecture} sha256:{DataFingerprint.HashFile(Path.Combine(modelDirectory, ModelFolder.WeightsFileName))}";

    /// <summary>One file's chosen windows through the network, decoded at 32 kHz (only its first 30 s for first30).</summary>
    internal static FileEmbeddings Embed(EfficientAtOnnxNetwork network, LabelledFile file, PredictionWindow window, CancellationToken cancellationToken)
    {
        var samples = LoadSignal(file.Path, window, cancellationToken);
        var windows = SignalWindows.Select(AudioSetWindows.Count(samples.Length), 3, window);
        var scores = AudioSetWindowScores.Compute(network, samples, windows, cancellationToken);
        return new FileEmbeddings(file.RelativePath, file.Label, [.. windows.Select(w => (long)w)], scores.Embeddings, scores.Logits, scores.Silent);
    }

    /// <summary>
    /// A file as extraction decodes it, at 32 kHz mono (only its first 30 s for first30): fine-tuning decodes the
    /// files again this way, so its windows are the ones the embeddings came from.
    /// </summary>
    internal static float[] LoadSignal(string path, PredictionWindow window, CancellationToken cancellationToken)
    {
        var options = new AudioLoadOptions
        {
            SampleRate = AudioSetFrontEnd.SampleRate,
            MaxSamples = window == PredictionWindow.First30 ? 3 * AudioSetFrontEnd.WindowSamples : null,
        };
        var samples = AudioLoader.Load(path, options, cancellationToken).Samples;
        return samples.Length == 0 ? throw new AudioDecodeException(path, "the file contains no audio samples") : samples;
    }

    /// <summary>The files of an existing output made the same way; none if there is no output yet.</summary>
    private static IReadOnlyList<FileEmbeddings> ExistingFiles(string path, string policy, string network)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var existing = EmbeddingSet.Load(path);
        if (existing.WindowPolicy != policy)
        {
            throw new DatasetException(path,
                $"was extracted with --window {existing.WindowPolicy}, not --window {policy}; give another --out, or delete it to extract everything again");
        }

        if (existing.Network != network)
        {
            throw new DatasetException(path,
                $"was extracted through another network ({existing.Network}, not {network}); give another --out, or delete it to extract everything again");
        }

        return existing.Files;
    }
}
