namespace Genre.Inference;

/// <summary>
/// The calibrated genre probabilities of one 3 s segment, in the classifier's genre order.
/// <see cref="Silent"/> segments are shown in a timeline but never counted in the track's verdict.
/// </summary>
public sealed record SegmentPrediction(TimeSpan Start, TimeSpan Duration, IReadOnlyList<float> Probabilities, bool Silent);
