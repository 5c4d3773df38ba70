namespace Genre.Inference;

/// <summary>Which part of a track is scored. Every kind of model listens in windows (3 s for the MFCC CNN, 10 s for the AudioSet network).</summary>
public enum PredictionWindow
{
    /// <summary>The first 30 s, as the original system and GTZAN's clips do (shorter audio padded with silence).</summary>
    First30,

    /// <summary>Every window of the whole track, for a timeline.</summary>
    Full,

    /// <summary>30 s worth of windows spread evenly over the track (the centres of equal parts), so an intro or an outro does not decide; the same as first30 for a track of 30 s or less.</summary>
    Spread,
}
