namespace Genre.Data;

/// <summary>What <see cref="DatasetExtractor"/> made, what it skipped, and how long it took.</summary>
/// <param name="Features">The segments of every clip that gave at least one.</param>
/// <param name="Skipped">The clips left out, each with its reason.</param>
/// <param name="Clips">The clips tried.</param>
/// <param name="Elapsed">Wall time of the whole extraction.</param>
/// <param name="ClipTime">Time spent on clips, summed over the threads.</param>
public sealed record ExtractionResult(FeatureSet Features, IReadOnlyList<SkippedClip> Skipped, int Clips, TimeSpan Elapsed, TimeSpan ClipTime)
{
    /// <summary>Clips that gave at least one segment.</summary>
    public int ExtractedClips => Clips - Skipped.Count;

    /// <summary>Wall time per clip, all cores together.</summary>
    public double WallMsPerClip => Clips == 0 ? 0 : Elapsed.TotalMilliseconds / Clips;

    /// <summary>Time one core spends per clip, decode included (sum of per-clip times / clips).</summary>
    public double CoreMsPerClip => Clips == 0 ? 0 : ClipTime.TotalMilliseconds / Clips;
}
