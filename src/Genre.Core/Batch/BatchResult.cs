using Genre.Inference;

namespace Genre.Batch;

/// <summary>
/// What the batch pipeline made of one input: its prediction, or the reason it has none (<see cref="Error"/>, one line
/// naming the file). <see cref="Index"/> is the input's position in the sequence given; results come in that order.
/// </summary>
/// <param name="Index">The input's position in the sequence given, from 0.</param>
/// <param name="Input">The input as given.</param>
/// <param name="Prediction">What the file is; null when it failed.</param>
/// <param name="Error">Why the file has no prediction, one line naming it; null when it has one.</param>
/// <param name="Elapsed">How long the file took from the start of its decoding to its verdict.</param>
public sealed record BatchResult(long Index, BatchInput Input, GenrePrediction? Prediction, string? Error, TimeSpan Elapsed);
