using Genre.Model;

namespace Genre.Evaluation;

/// <summary>What <see cref="ModelCalibration.Run"/> fitted and measured: the calibration, and held-out clip figures before and after it.</summary>
/// <param name="Card">The card written into the output folder.</param>
/// <param name="Calibration">The calibration fitted.</param>
/// <param name="FittedClips">Clips it was fitted on.</param>
/// <param name="Before">Held-out clip figures before calibration; null when no clip was held out.</param>
/// <param name="After">Held-out clip figures with the calibration; null when no clip was held out.</param>
/// <param name="Skipped">Files that could not be read, each with its reason.</param>
public sealed record ModelCalibrationResult(ModelCard Card, FittedCalibration Calibration, int FittedClips, ClipMetrics? Before, ClipMetrics? After, IReadOnlyList<Data.SkippedClip> Skipped);
