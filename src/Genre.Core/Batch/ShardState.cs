namespace Genre.Batch;

/// <summary>Where a shard stands in an output folder.</summary>
public enum ShardState
{
    /// <summary>Its part is there, whole, with metadata consistent with the other parts.</summary>
    Done,

    /// <summary>No part and no temporary file: never run, or its node vanished before it started writing.</summary>
    Missing,

    /// <summary>A temporary file left over by a process that is gone (killed), or a part whose metadata is unreadable or from another run.</summary>
    Failed,

    /// <summary>A live process is writing its part now: not to be resubmitted.</summary>
    Running,
}
