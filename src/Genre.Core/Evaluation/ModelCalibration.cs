using Genre.Data;
using Genre.Inference;
using Genre.Model;

namespace Genre.Evaluation;

/// <summary>
/// Fits a model's genre calibration on labelled clips and writes the calibrated model folder: the same weights and
/// files, a card with the temperature (and per-genre bias, if cross-validation says it pays), the clips it was fitted
/// on, and accuracy, macro F1 and ECE before and after on the clips it was not fitted on. The calibration is fitted
/// from the raw logits, so running it again on its own output gives the same card.
/// </summary>
public static class ModelCalibration
{
    /// <summary>Scores every clip of <paramref name="dataDirectory"/>, fits on <paramref name="fitClips"/> (null: four in five clips of each genre), writes the folder.</summary>
    /// <param name="modelDirectory">The model folder to calibrate, of any kind.</param>
    /// <param name="dataDirectory">A folder of genre folders whose names are genres of the model.</param>
    /// <param name="outputDirectory">The calibrated model folder to write, atomically; it may be <paramref name="modelDirectory"/> itself.</param>
    /// <param name="fitClips">The clip names (file names without extension) to fit on; the others are held out for the before and after figures.</param>
    /// <param name="progress">Told after each clip scored.</param>
    /// <param name="cancellationToken">Stops between clips, before anything is written.</param>
    /// <returns>The new card, the calibration, and the held-out figures before and after it.</returns>
    /// <exception cref="ModelFileException">The model folder is missing or broken.</exception>
    /// <exception cref="DatasetException">The folder holds no dataset, a folder is not a genre of the model, or none of the clips to fit on is there.</exception>
    /// <exception cref="OutputException">The output folder cannot be written.</exception>
    public static ModelCalibrationResult Run(string modelDirectory, string dataDirectory, string outputDirectory, IReadOnlySet<string>? fitClips,
        IProgress<ExtractionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outputDirectory);
        ModelCard card;
        ClipScoreSet scores;
        using (var classifier = GenreClassifier.Load(modelDirectory))
        {
            card = classifier.Card;
            scores = ClipScoring.Run(classifier, dataDirectory, progress: progress, cancellationToken: cancellationToken);
        }

        fitClips ??= DefaultFitClips(scores);
        var fit = scores.Where(fitClips, inSet: true);
        var heldOut = scores.Where(fitClips, inSet: false);
        if (fit.Clips.Count == 0)
        {
            throw new DatasetException(dataDirectory, "none of the clips to fit on is in this folder");
        }

        var calibration = CalibrationFitting.Fit(fit);
        var before = heldOut.Clips.Count == 0 ? null : ClipMeasurement.Measure(heldOut);
        var after = heldOut.Clips.Count == 0 ? null : ClipMeasurement.Measure(heldOut, calibration.Temperature, calibration.Bias);
        var calibrated = card with
        {
            Temperature = calibration.Temperature,
            GenreBias = calibration.Bias,
            FittedClips = [.. fit.Clips.Select(c => c.Track).Order(StringComparer.Ordinal)],
            Calibration = new CalibrationRecord
            {
                Method = calibration.Method,
                FittedOn = $"the windows of {fit.Clips.Count} clips of {Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory)))} (listed in fitted_clips)",
                Selection = calibration.Selection,
                HeldOut = heldOut.Clips.Count == 0 ? null : $"the other {heldOut.Clips.Count} clips of the same folder, which the calibration never saw",
                Before = before,
                After = after,
            },
        };
        ModelFolder.WriteCopy(modelDirectory, outputDirectory, calibrated);
        return new ModelCalibrationResult(calibrated, calibration, fit.Clips.Count, before, after, scores.Skipped);
    }

    /// <summary>Four in five clips of each genre, in name order (the fifth, tenth, ... are held out).</summary>
    private static HashSet<string> DefaultFitClips(ClipScoreSet scores) =>
        [.. scores.Clips.GroupBy(c => c.Label).SelectMany(g => g.OrderBy(c => c.Track, StringComparer.Ordinal).Where((_, i) => i % 5 != 4)).Select(c => c.Track)];
}
