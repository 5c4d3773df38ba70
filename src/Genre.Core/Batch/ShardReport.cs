namespace Genre.Batch;

/// <summary>One shard's state, and for a failed one why.</summary>
public sealed record ShardReport(int Index, ShardState State, string? Detail);
