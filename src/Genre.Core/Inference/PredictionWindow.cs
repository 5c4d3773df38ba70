namespace Genre.Inference;

/// <summary>Which part of a track is scored.</summary>
public enum PredictionWindow
{
    /// <summary>The first 30 s as the ten 3 s segments the model was trained on (shorter audio padded with silence).</summary>
    First30,

    /// <summary>Every 3 s window of the whole track, for a timeline.</summary>
    Full,
}
