using Genre.Model;

namespace Genre.Evaluation;

/// <summary>What <see cref="ModelCalibration.Run"/> fitted and measured: the calibration, and held-out clip figures before and after it.</summary>
public sealed record ModelCalibrationResult(ModelCard Card, FittedCalibration Calibration, int FittedClips, ClipMetrics? Before, ClipMetrics? After, IReadOnlyList<Data.SkippedClip> Skipped);
