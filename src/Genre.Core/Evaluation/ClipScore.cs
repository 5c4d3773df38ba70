namespace Genre.Evaluation;

/// <summary>
/// One labelled clip as a model heard it: its raw (uncalibrated) genre logits per window, which windows were silent,
/// its label in the model's genre order, and how long classifying it took (decode included).
/// </summary>
public sealed record ClipScore(string Track, string Path, int Label, float[] Logits, bool[] Silent, double Milliseconds);
