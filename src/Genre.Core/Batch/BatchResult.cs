using Genre.Inference;

namespace Genre.Batch;

/// <summary>
/// What the batch pipeline made of one input: its prediction, or the reason it has none (<see cref="Error"/>, one line
/// naming the file). <see cref="Index"/> is the input's position in the sequence given; results come in that order.
/// </summary>
public sealed record BatchResult(long Index, BatchInput Input, GenrePrediction? Prediction, string? Error, TimeSpan Elapsed);
