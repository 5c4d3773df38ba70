using System.Globalization;
using Genre.Data;
using Genre.Inference;
using Genre.Model;
using Genre.Training;

namespace Genre.Evaluation;

/// <summary>
/// Scores a saved model on a feature file and writes the evaluation report. Logits come from ONNX Runtime (the
/// in-memory graph prediction uses), so libtorch is never loaded. Every mismatch between model and features is a
/// <see cref="DatasetException"/>; every problem with the model folder a <see cref="ModelFileException"/>.
/// </summary>
public static class ModelEvaluation
{
    // ORT's working memory grows with the batch; 512 segments is ~3.5 MB of input and near full speed.
    private const int Batch = 512;

    /// <summary>Scores the model on the feature file's segments and writes the report (<see cref="ReportFileNames"/>).</summary>
    /// <param name="modelDirectory">A model folder of kind <c>mfcc-cnn</c>.</param>
    /// <param name="featuresPath">A feature file made with the card's feature settings and genres.</param>
    /// <param name="reportDirectory">The report's folder, created if needed.</param>
    /// <param name="split">Every segment, or the test part of the split the card records.</param>
    /// <param name="cancellationToken">Stops between batches of segments.</param>
    /// <returns>The summary, the report's folder, and which segments were scored, in words.</returns>
    /// <exception cref="ModelFileException">The model folder is missing, broken, or of another kind.</exception>
    /// <exception cref="DatasetException">The features do not match the model, or the card's test split cannot be recomputed from them.</exception>
    /// <exception cref="OutputException">The report folder cannot be written.</exception>
    public static ModelEvaluationResult Run(string modelDirectory, string featuresPath, string reportDirectory, EvaluationSplit split,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelDirectory);
        ArgumentNullException.ThrowIfNull(featuresPath);
        ArgumentNullException.ThrowIfNull(reportDirectory);
        using var network = OnnxGenreNetwork.Load(modelDirectory);
        var card = network.Card;
        // The card's feature settings fix the input shape: a file made with other settings fails here, by name.
        var features = FeatureSet.Load(featuresPath, card.Features!.ToSettings());
        if (!features.Mapping.SequenceEqual(card.Genres, StringComparer.Ordinal))
        {
            throw new DatasetException(featuresPath,
                $"genres [{string.Join(", ", features.Mapping)}] do not match the model's [{string.Join(", ", card.Genres)}] (names and order must agree)");
        }

        var (indices, description) = split == EvaluationSplit.Test
            ? TestSegments(card, features, featuresPath)
            : ([.. Enumerable.Range(0, features.Count)], $"all {features.Count} segments of {Path.GetFileName(featuresPath)}");
        var logits = Logits(network, features, indices, cancellationToken);
        var input = new EvaluationInput(features.Mapping, logits, [.. indices.Select(i => features.Labels[i])], [.. indices.Select(i => features.Tracks[i])])
        {
            Silent = [.. indices.Select(i => features.Silent[i])],
        };
        var summary = EvaluationReportFiles.Write(reportDirectory, input, card.Temperature);
        return new ModelEvaluationResult(summary, reportDirectory, description);
    }

    /// <summary>
    /// The card's test segments: the split is recomputed from its recorded kind and seed, which reproduces it only for
    /// the very feature file it was trained on (checked by SHA-256) and only for splits that need no list file.
    /// </summary>
    private static (int[] Indices, string Description) TestSegments(ModelCard card, FeatureSet features, string featuresPath)
    {
        if (card.Training is not { } training || card.Data is not { } data)
        {
            throw new DatasetException(featuresPath, "--split test: the model card records no training split or data; use --split all");
        }

        var kind = SplitNames.Parse(training.Split);
        if (kind is not (SplitKind.Segment or SplitKind.Track))
        {
            throw new DatasetException(featuresPath,
                $"--split test: the model was trained on the '{training.Split}' split, which depends on a list file the card does not record; use --split all");
        }

        if (!string.Equals(DataFingerprint.HashFile(featuresPath), data.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new DatasetException(featuresPath,
                $"--split test: not the feature file the model was trained on ('{data.File}', SHA-256 differs), so its test split cannot be recomputed; use --split all");
        }

        var test = DatasetSplits.Make(kind, features, training.Seed)[0].Test;
        if (test.Length != data.TestSegments)
        {
            throw new DatasetException(featuresPath,
                string.Create(CultureInfo.InvariantCulture, $"--split test: the recomputed test split has {test.Length} segments, the card records {data.TestSegments}; use --split all"));
        }

        return (test, string.Create(CultureInfo.InvariantCulture, $"the test part of the '{training.Split}' split (seed {training.Seed}): {test.Length} segments"));
    }

    private static float[] Logits(OnnxGenreNetwork network, FeatureSet features, int[] indices, CancellationToken cancellationToken)
    {
        var size = features.SegmentSize;
        var classes = network.Classes;
        var logits = new float[(long)indices.Length * classes];
        var buffer = new float[Batch * size];
        for (var start = 0; start < indices.Length; start += Batch)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(Batch, indices.Length - start);
            for (var i = 0; i < count; i++)
            {
                features.Segment(indices[start + i]).CopyTo(buffer.AsSpan(i * size, size));
            }

            network.Logits(buffer.AsSpan(0, count * size), count).CopyTo(logits.AsSpan(start * classes, count * classes));
        }

        return logits;
    }
}
