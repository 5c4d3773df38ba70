namespace Genre.Data;

/// <summary>What <see cref="DatasetExtractor"/> made, what it skipped, and how long it took.</summary>
public sealed record ExtractionResult(FeatureSet Features, IReadOnlyList<SkippedClip> Skipped, int Clips, TimeSpan Elapsed, TimeSpan ClipTime)
{
    /// <summary>Clips that gave at least one segment.</summary>
    public int ExtractedClips => Clips - Skipped.Count;

    /// <summary>Wall time per clip, all cores together.</summary>
    public double WallMsPerClip => Clips == 0 ? 0 : Elapsed.TotalMilliseconds / Clips;

    /// <summary>Time one core spends per clip, decode included (sum of per-clip times / clips).</summary>
    public double CoreMsPerClip => Clips == 0 ? 0 : ClipTime.TotalMilliseconds / Clips;
}
