using Genre.Model;

namespace Genre.Evaluation;

/// <summary>
/// A model scored on labelled audio: clip figures with raw probabilities (temperature 1, no bias) and with the card's
/// calibration, how many clips were left out because the model was fitted on them, and the mean time per clip
/// (decode, front end and network, on the thread that scored it).
/// </summary>
/// <param name="Scores">Every clip scored (held-out ones only, when asked) and the files that could not be read.</param>
/// <param name="Raw">Clip figures of the raw probabilities (temperature 1, no bias).</param>
/// <param name="Calibrated">Clip figures with the card's temperature and bias: what <c>genre predict</c> gives.</param>
/// <param name="ExcludedFitted">Clips left out because the model was fitted on them.</param>
/// <param name="MillisecondsPerClip">Mean time to classify one clip, decode included, on the thread that did it.</param>
public sealed record AudioEvaluationResult(ClipScoreSet Scores, ClipMetrics Raw, ClipMetrics Calibrated, int ExcludedFitted, double MillisecondsPerClip);
