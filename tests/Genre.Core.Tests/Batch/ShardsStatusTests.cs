using Genre.Batch;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Core.Tests.Batch;

/// <summary>
/// A temporary part tells a running shard from a killed one by its lock: the writer holds it open exclusively, so
/// status calls it running while it is held (and keeps it out of the resubmit list) and failed once it is let go.
/// </summary>
public sealed class ShardsStatusTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Temporary(int index, int count, int processId) =>
        new PartFile(_dir.Path, new Shard(index, count), PartFormat.Parquet).TemporaryPath(processId);

    [Fact]
    public void A_temporary_part_held_by_its_writer_is_running_and_not_resubmitted()
    {
        using var writer = PartFile.CreateTemporary(Temporary(1, 3, 4242));

        var status = ShardsStatus.Check(_dir.Path, 3, PartFormat.Parquet);

        status.Shards[1].State.ShouldBe(ShardState.Running);
        status.Shards[1].Detail.ShouldBe(".part-00001-of-00003.parquet.tmp-4242 being written");
        status.Indices(ShardState.Missing).ShouldBe([0, 2]);
        status.Resubmit.ShouldBe("0,2");
        status.AllDone.ShouldBeFalse();
    }

    [Fact]
    public void A_temporary_part_its_writer_let_go_of_is_failed_and_resubmitted()
    {
        var path = Temporary(1, 3, 4242);
        PartFile.CreateTemporary(path).Dispose();

        var status = ShardsStatus.Check(_dir.Path, 3, PartFormat.Parquet);

        status.Shards[1].State.ShouldBe(ShardState.Failed);
        status.Shards[1].Detail.ShouldBe(".part-00001-of-00003.parquet.tmp-4242 left over by a process that is gone (killed)");
        status.Resubmit.ShouldBe("0-2");
    }

    [Fact]
    public void A_running_writer_wins_over_a_dead_ones_leftover_of_the_same_shard()
    {
        PartFile.CreateTemporary(Temporary(0, 1, 111)).Dispose();
        using var live = PartFile.CreateTemporary(Temporary(0, 1, 222));

        var status = ShardsStatus.Check(_dir.Path, 1, PartFormat.Parquet);

        status.Shards[0].State.ShouldBe(ShardState.Running);
        status.Resubmit.ShouldBeEmpty();
    }

    [Fact]
    public void A_temporary_part_gone_or_never_there_is_not_being_written()
    {
        PartFile.IsBeingWritten(_dir.File("nothing-here")).ShouldBeFalse();
        PartFile.IsBeingWritten(Path.Combine(_dir.Path, "no-folder", "x")).ShouldBeFalse();
    }
}
