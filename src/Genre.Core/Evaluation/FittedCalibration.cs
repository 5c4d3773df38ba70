namespace Genre.Evaluation;

/// <summary>A fitted calibration: softmax(logits / <see cref="Temperature"/> + <see cref="Bias"/>), and why this method was chosen.</summary>
/// <param name="Method"><c>temperature</c> or <c>temperature+bias</c>.</param>
/// <param name="Temperature">What the logits are divided by.</param>
/// <param name="Bias">The per-genre offsets added after dividing, in the model's genre order; null for <c>temperature</c>.</param>
/// <param name="Selection">The cross-validated figures the method was chosen by, in words.</param>
public sealed record FittedCalibration(string Method, float Temperature, IReadOnlyList<float>? Bias, string Selection);
