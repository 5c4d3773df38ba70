namespace Genre.Batch;

/// <summary>One shard's state, and for a failed one why.</summary>
/// <param name="Index">The shard, from 0.</param>
/// <param name="State">Done, missing or failed.</param>
/// <param name="Detail">For a failed shard, what is wrong with its part or which temporary file is left; otherwise null.</param>
public sealed record ShardReport(int Index, ShardState State, string? Detail);
