using Genre.Model;

namespace Genre.Evaluation;

/// <summary>
/// A model scored on labelled audio: clip figures with raw probabilities (temperature 1, no bias) and with the card's
/// calibration, how many clips were left out because the model was fitted on them, and the mean time per clip
/// (decode, front end and network, on the thread that scored it).
/// </summary>
public sealed record AudioEvaluationResult(ClipScoreSet Scores, ClipMetrics Raw, ClipMetrics Calibrated, int ExcludedFitted, double MillisecondsPerClip);
