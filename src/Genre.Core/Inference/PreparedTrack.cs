using Genre.Kinds;

namespace Genre.Inference;

/// <summary>One decoded and featurised track waiting for its network call: which windows, their inputs, its length.</summary>
internal sealed record PreparedTrack(PredictionWindow Window, int[] Windows, WindowInputs Inputs, TimeSpan Duration);
