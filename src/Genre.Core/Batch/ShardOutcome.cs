namespace Genre.Batch;

/// <summary>What running a shard did: the part, whether it was already there, its rows and how many of them are errors.</summary>
/// <param name="PartPath">The part (or merged file) written or found.</param>
/// <param name="AlreadyDone">True when a finished part of this very run was already there and nothing was done.</param>
/// <param name="Rows">The rows the part holds.</param>
/// <param name="Errors">The rows that are errors; -1 when <paramref name="AlreadyDone"/> (the part was not read).</param>
public sealed record ShardOutcome(string PartPath, bool AlreadyDone, long Rows, long Errors);
