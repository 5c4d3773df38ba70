namespace Genre.Batch;

/// <summary>What running a shard did: the part, whether it was already there, its rows and how many of them are errors.</summary>
public sealed record ShardOutcome(string PartPath, bool AlreadyDone, long Rows, long Errors);
