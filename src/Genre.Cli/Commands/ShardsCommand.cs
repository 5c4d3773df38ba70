using System.CommandLine;

namespace Genre.Cli.Commands;

/// <summary><c>genre shards ...</c>: the commands around a sharded batch run (<c>genre predict --manifest</c>): follow and combine its parts, and write the Slurm and Kubernetes launchers; each subcommand lives in its own file.</summary>
internal static class ShardsCommand
{
    public static Command Create() => new("shards", "Sharded runs of genre predict --manifest: status, merge, and Slurm / Kubernetes launchers.")
    {
        ShardsStatusCommand.Create(),
        ShardsMergeCommand.Create(),
        ShardsSlurmCommand.Create(),
        ShardsK8sCommand.Create(),
    };
}
