using Genre.Data;
using Genre.Inference;
using Genre.Model;

namespace Genre.Batch;

/// <summary>
/// Runs one shard of a manifest into its part, idempotently: a finished part with this run's metadata (manifest,
/// shard, model, feature version, window, format) is left alone ("already done"); a part of another run is a
/// <see cref="PartConflictException"/> unless <c>overwrite</c>; otherwise the shard's rows stream through the
/// <see cref="BatchPredictor"/> into a temporary file that is renamed into place only when whole. Cancelled (SIGTERM)
/// or failed, the temporary file is removed: nothing half-written is ever left under a part's name. A folder that
/// cannot be written (missing permission, full disk) is an <see cref="OutputException"/>.
/// </summary>
/// <param name="classifier">The model every row is classified with.</param>
/// <param name="options">The batch pipeline's settings; null for the defaults.</param>
public sealed class ShardRunner(GenreClassifier classifier, BatchOptions? options = null)
{
    private readonly BatchOptions _options = options ?? new BatchOptions();
    private readonly Lazy<string> _modelSha256 = new(() => ModelFolder.Sha256(classifier.Directory));

    /// <summary>The model's hash, as written in the <c>model</c> column and the metadata.</summary>
    public string ModelSha256 => _modelSha256.Value;

    /// <summary>Runs <paramref name="shard"/> of <paramref name="manifest"/> into its part in <paramref name="outputDirectory"/>.</summary>
    /// <param name="manifest">The opened manifest.</param>
    /// <param name="shard">Which rows: shard i of n takes rows [i x rows / n, (i + 1) x rows / n).</param>
    /// <param name="outputDirectory">The run's output folder, created if needed.</param>
    /// <param name="format">The part's format.</param>
    /// <param name="overwrite">Replace a part of another run instead of failing.</param>
    /// <param name="progress">Called after each row with (rows written, rows in the shard).</param>
    /// <param name="cancellationToken">Stops the run and removes the temporary part.</param>
    /// <returns>The part, whether it was already done, its rows and errors.</returns>
    /// <exception cref="PartConflictException">A part of another run is there and <paramref name="overwrite"/> is false.</exception>
    /// <exception cref="OutputException">The folder or the part cannot be written.</exception>
    public async Task<ShardOutcome> RunAsync(
        Manifest manifest, Shard shard, string outputDirectory, PartFormat format, bool overwrite,
        Action<long, long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var part = new PartFile(outputDirectory, shard, format);
        var range = ShardRange.Of(manifest.Count, shard.Index, shard.Count);
        var window = PredictionWindows.Name(_options.Prediction.Window ?? classifier.DefaultWindow)!;
        var expected = new PartMetadata(manifest.Sha256, shard.Index, shard.Count, ModelSha256, PartMetadata.CurrentFeatureVersion, window, format, range.Count, classifier.Genres);
        if (File.Exists(part.Path) && Finished(part, expected, overwrite) is { } done)
        {
            return done;
        }

        try
        {
            Directory.CreateDirectory(outputDirectory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(outputDirectory, e.Message, e);
        }

        foreach (var leftover in part.Leftovers())
        {
            // A killed run's file is removed; a live one's is not ours to take: this run would make a second copy.
            if (PartFile.IsBeingWritten(leftover))
            {
                throw new OutputException(part.Path, $"another process is writing this shard now ({Path.GetFileName(leftover)}); when it ends, this shard is done or can be run again");
            }

            AtomicFile.TryDelete(leftover);
        }

        var temp = part.TemporaryPath(Environment.ProcessId);
        try
        {
            var (rows, errors) = await Write(manifest, range, part, temp, expected, progress, cancellationToken).ConfigureAwait(false);
            if (part.Sidecar is { } sidecar)
            {
                // The sidecar first: the part's own name appearing is the one moment the shard becomes done.
                AtomicFile.Write(sidecar, s => s.Write(System.Text.Encoding.UTF8.GetBytes(expected.ToJson())));
            }

            File.Move(temp, part.Path, overwrite: true);
            return new ShardOutcome(part.Path, false, rows, errors);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputException(part.Path, e.Message, e);
        }
        finally
        {
            AtomicFile.TryDelete(temp);
        }
    }

    /// <summary>The outcome when the existing part is this very run's; null when it is to be replaced.</summary>
    private static ShardOutcome? Finished(PartFile part, PartMetadata expected, bool overwrite)
    {
        string problem;
        try
        {
            var found = PartReader.ReadMetadata(part.Path, part.Format);
            var differences = expected.Differences(found);
            if (differences.Count == 0 && found.Rows == expected.Rows)
            {
                return new ShardOutcome(part.Path, true, found.Rows, -1);
            }

            problem = differences.Count == 0 ? $"holds {found.Rows} rows, this shard has {expected.Rows}" : $"is a part of another run: {string.Join("; ", differences)}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            problem = $"its metadata cannot be read ({e.Message})";
        }

        return overwrite ? null : throw new PartConflictException(part.Path, problem);
    }

    private async Task<(long Rows, long Errors)> Write(
        Manifest manifest, ShardRange range, PartFile part, string temp, PartMetadata metadata, Action<long, long>? progress, CancellationToken cancellationToken)
    {
        long rows = 0, errors = 0;
        var model = ModelSha256;
        var predictor = new BatchPredictor(classifier, _options);
        await using var stream = PartFile.CreateTemporary(temp);
        using (var writer = PartWriters.Create(part.Format, stream, classifier.Genres))
        {
            await foreach (var result in predictor.PredictAsync(manifest.Rows(range), cancellationToken).ConfigureAwait(false))
            {
                writer.Write(PartRow.From(result, model));
                rows++;
                errors += result.Error is null ? 0 : 1;
                progress?.Invoke(rows, range.Count);
            }

            writer.Complete(metadata);
        }

        stream.Flush(flushToDisk: true);
        return (rows, errors);
    }
}
