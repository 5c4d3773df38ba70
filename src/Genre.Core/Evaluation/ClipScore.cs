namespace Genre.Evaluation;

/// <summary>
/// One labelled clip as a model heard it: its raw (uncalibrated) genre logits per window, which windows were silent,
/// its label in the model's genre order, and how long classifying it took (decode included).
/// </summary>
/// <param name="Track">The clip's name without extension.</param>
/// <param name="Path">The audio file.</param>
/// <param name="Label">The clip's genre, an index into the model's genres.</param>
/// <param name="Logits">The raw genre logits, windows x genres, row-major.</param>
/// <param name="Silent">Which windows are digital silence (they do not vote).</param>
/// <param name="Milliseconds">How long classifying the clip took, decode included.</param>
public sealed record ClipScore(string Track, string Path, int Label, float[] Logits, bool[] Silent, double Milliseconds);
