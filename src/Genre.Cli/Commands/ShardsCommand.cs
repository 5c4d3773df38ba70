using System.CommandLine;

namespace Genre.Cli.Commands;

/// <summary><c>genre shards ...</c>: the commands around a sharded batch run (<c>genre predict --manifest</c>); each subcommand lives in its own file.</summary>
internal static class ShardsCommand
{
    public static Command Create() => new("shards", "Follow and combine a sharded run of genre predict --manifest.")
    {
        ShardsStatusCommand.Create(),
        ShardsMergeCommand.Create(),
    };
}
