using CsCheck;
using Genre.Batch;
using Shouldly;

namespace Genre.Core.Tests.Batch;

/// <summary>Shards of a manifest: for any length and count, disjoint contiguous ranges that cover every row once; which shard from flags and environment.</summary>
public sealed class ShardRangeTests
{
    [Fact]
    public void For_any_manifest_length_and_shard_count_the_shards_are_disjoint_and_cover_every_row_once() =>
        Gen.Select(Gen.Long[0, 5_000_000_000], Gen.Int[1, 5_000]).Sample((rows, count) =>
        {
            var next = 0L;
            var (smallest, largest) = (long.MaxValue, long.MinValue);
            for (var i = 0; i < count; i++)
            {
                var range = ShardRange.Of(rows, i, count);
                range.Start.ShouldBe(next, "each shard starts where the one before ended: no gap, no overlap");
                range.Count.ShouldBeGreaterThanOrEqualTo(0);
                next = range.End;
                (smallest, largest) = (Math.Min(smallest, range.Count), Math.Max(largest, range.Count));
            }

            next.ShouldBe(rows, "the shards together are the manifest");
            (largest - smallest).ShouldBeLessThanOrEqualTo(1, "shards differ by at most one row");
        });

    [Fact]
    public void Every_row_is_in_exactly_one_shard_counted_row_by_row() =>
        Gen.Select(Gen.Int[0, 300], Gen.Int[1, 40]).Sample((rows, count) =>
        {
            var seen = new int[rows];
            for (var i = 0; i < count; i++)
            {
                var range = ShardRange.Of(rows, i, count);
                for (var r = range.Start; r < range.End; r++)
                {
                    seen[r]++;
                }
            }

            seen.ShouldAllBe(n => n == 1);
        });

    [Fact]
    public void The_rule_is_floor_of_i_rows_over_n() =>
        Enumerable.Range(0, 4).Select(i => ShardRange.Of(10, i, 4)).ShouldBe([new(0, 2), new(2, 3), new(5, 2), new(7, 3)]);

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void An_explicit_index_wins_over_the_environment() =>
        Shard.Resolve(2, 5, Environment(("SLURM_ARRAY_TASK_ID", "4"), ("JOB_COMPLETION_INDEX", "3"))).ShouldBe(new Shard(2, 5));

    [Fact]
    public void Slurm_gives_index_and_count() =>
        Shard.Resolve(null, null, Environment(("SLURM_ARRAY_TASK_ID", "3"), ("SLURM_ARRAY_TASK_COUNT", "16"))).ShouldBe(new Shard(3, 16));

    [Fact]
    public void An_explicit_count_wins_over_Slurm_s_so_a_resubmitted_subset_keeps_its_shards() =>
        Shard.Resolve(null, 16, Environment(("SLURM_ARRAY_TASK_ID", "4"), ("SLURM_ARRAY_TASK_COUNT", "2"))).ShouldBe(new Shard(4, 16));

    [Fact]
    public void Kubernetes_gives_the_index_and_the_count_must_be_given()
    {
        Shard.Resolve(null, 6, Environment(("JOB_COMPLETION_INDEX", "5"))).ShouldBe(new Shard(5, 6));
        Should.Throw<ShardException>(() => Shard.Resolve(null, null, Environment(("JOB_COMPLETION_INDEX", "5")))).Message.ShouldContain("--shard-count");
    }

    [Fact]
    public void Nothing_given_is_one_shard() => Shard.Resolve(null, null, Environment()).ShouldBe(new Shard(0, 1));

    [Theory]
    [InlineData(6, 6, "outside shards 0 to 5")]
    [InlineData(-1, 6, "outside shards 0 to 5")]
    [InlineData(null, 6, "needs --shard-index")]
    [InlineData(0, 0, "at least 1")]
    public void Impossible_shards_are_errors_that_say_why(int? index, int? count, string expected) =>
        Should.Throw<ShardException>(() => Shard.Resolve(index, count, Environment())).Message.ShouldContain(expected);

    [Fact]
    public void A_variable_that_is_not_a_number_is_named() =>
        Should.Throw<ShardException>(() => Shard.Resolve(null, 4, Environment(("SLURM_ARRAY_TASK_ID", "x1")))).Message.ShouldContain("SLURM_ARRAY_TASK_ID is 'x1'");

    [Fact]
    public void Slurm_array_lists_join_consecutive_shards_into_ranges() =>
        SlurmArray.Format([5, 1, 4, 9, 10, 11]).ShouldBe("1,4-5,9-11");
}
