using System.CommandLine;

namespace Genre.Cli.Commands;

/// <summary><c>genre shards ...</c>: launchers for running a manifest's shards on a cluster.</summary>
internal static class ShardsCommand
{
    public static Command Create() => new("shards", "Run a manifest's shards on a cluster: Slurm job arrays and Kubernetes Indexed Jobs.")
    {
        ShardsSlurmCommand.Create(),
        ShardsK8sCommand.Create(),
    };
}
