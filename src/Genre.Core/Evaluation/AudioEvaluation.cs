using Genre.Data;
using Genre.Inference;

namespace Genre.Evaluation;

/// <summary>
/// Scores a model of any kind on a labelled audio folder, exactly as <c>genre predict</c> classifies each file.
/// With <c>heldOutOnly</c>, the clips the card lists as fitted (trained, validated or calibrated on) are left out,
/// so the figures are for clips the model has never seen.
/// </summary>
public static class AudioEvaluation
{
    /// <summary>Classifies every clip of <paramref name="dataDirectory"/> and measures the verdicts against their genre folders.</summary>
    /// <param name="classifier">The model to evaluate.</param>
    /// <param name="dataDirectory">A folder of genre folders (GTZAN's layouts included) whose names are genres of the model.</param>
    /// <param name="heldOutOnly">Leave out the clips the model's card lists as fitted on.</param>
    /// <param name="window">Where each clip is listened to; null for the model's default.</param>
    /// <param name="threads">Clips classified at once; null for one per core.</param>
    /// <param name="progress">Told after each clip (its name, and its reason when skipped).</param>
    /// <param name="cancellationToken">Stops between clips.</param>
    /// <returns>Clip figures before and after the card's calibration, and every clip's scores.</returns>
    /// <exception cref="DatasetException">The folder holds no dataset, a folder is not a genre of the model, or no clip is left to score.</exception>
    public static AudioEvaluationResult Run(GenreClassifier classifier, string dataDirectory, bool heldOutOnly, PredictionWindow? window = null,
        int? threads = null, IProgress<ExtractionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var scores = ClipScoring.Run(classifier, dataDirectory, window, threads, progress, cancellationToken);
        var excluded = 0;
        if (heldOutOnly)
        {
            var fitted = classifier.Card.FittedClips?.ToHashSet(StringComparer.Ordinal) ?? [];
            var kept = scores.Where(fitted, inSet: false);
            excluded = scores.Clips.Count - kept.Clips.Count;
            scores = kept;
        }

        if (scores.Clips.Count == 0)
        {
            throw new DatasetException(dataDirectory, heldOutOnly
                ? $"every readable clip is one the model was fitted on ({excluded}); nothing is held out"
                : "no clip could be read");
        }

        var card = classifier.Card;
        return new AudioEvaluationResult(scores, ClipMeasurement.Measure(scores), ClipMeasurement.Measure(scores, card.Temperature, card.GenreBias),
            excluded, scores.Clips.Average(c => c.Milliseconds));
    }
}
