namespace Genre.Evaluation;

/// <summary>A fitted calibration: softmax(logits / <see cref="Temperature"/> + <see cref="Bias"/>), and why this method was chosen.</summary>
public sealed record FittedCalibration(string Method, float Temperature, IReadOnlyList<float>? Bias, string Selection);
