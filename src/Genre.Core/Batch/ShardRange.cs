namespace Genre.Batch;

/// <summary>
/// The rows of a manifest one shard takes: shard i of n takes rows [floor(i x rows / n), floor((i + 1) x rows / n)),
/// a contiguous range in manifest order. The ranges of all n shards are disjoint, cover every row exactly once, and
/// differ in size by at most one row; the rule depends on nothing but the row count, never on a directory listing.
/// </summary>
internal readonly record struct ShardRange(long Start, long Count)
{
    public long End => Start + Count;

    public static ShardRange Of(long rows, int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        // Int128: rows x count overflows a long only past 9 x 10^18, but nothing here should be able to.
        var start = (long)((Int128)rows * index / count);
        var end = (long)((Int128)rows * (index + 1) / count);
        return new ShardRange(start, end - start);
    }
}
