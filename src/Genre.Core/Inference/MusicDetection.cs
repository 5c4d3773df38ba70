namespace Genre.Inference;

/// <summary>When a prediction says "this does not sound like music".</summary>
public static class MusicDetection
{
    /// <summary>
    /// The network's Music output is a sigmoid trained as a yes/no detector on AudioSet, so 0.5 is its own decision
    /// point; it was fixed before any measurement, not tuned on test clips.
    /// </summary>
    public const float Threshold = 0.5f;
}
