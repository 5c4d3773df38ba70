namespace Genre.Inference;

/// <summary>When a prediction says "this does not sound like music".</summary>
internal static class MusicDetection
{
    /// <summary>
    /// Music against everything else, as the network's own classes weigh it: music when its strongest music class
    /// (Music, an instrument, a style, singing) is at least as probable as its strongest other class (speech, noise,
    /// hum, ...). A fixed probability threshold does not work: AudioSet's outputs are not calibrated per class, and a
    /// string recording scores 0.4 on Music while speech scores 0.04. Null when the kind cannot tell.
    /// </summary>
    public static bool? IsMusic(float? music, float? other) =>
        music is { } m ? m >= (other ?? 0f) : null;
}
