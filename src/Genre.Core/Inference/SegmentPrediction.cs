namespace Genre.Inference;

/// <summary>
/// The calibrated genre probabilities of one window (3 s for the MFCC CNN, 10 s for the AudioSet network), in the
/// classifier's genre order. <see cref="Silent"/> windows are shown in a timeline but never counted in the track's verdict.
/// </summary>
/// <param name="Start">Where the window starts in the track.</param>
/// <param name="Duration">The window's length.</param>
/// <param name="Probabilities">Its calibrated genre probabilities, in the classifier's genre order.</param>
/// <param name="Silent">Whether the window is digital silence.</param>
public sealed record SegmentPrediction(TimeSpan Start, TimeSpan Duration, IReadOnlyList<float> Probabilities, bool Silent);
