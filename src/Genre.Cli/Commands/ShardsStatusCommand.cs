using System.CommandLine;
using Genre.Batch;

namespace Genre.Cli.Commands;

/// <summary><c>genre shards status</c>: which shards are done, missing or failed, and the Slurm <c>--array=</c> list to resubmit; exit 0 only when all are done.</summary>
internal static class ShardsStatusCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder of the parts.", Required = true };
        var count = new Option<int>("--shard-count") { Description = "Shards in all.", Required = true };
        var format = new Option<string?>("--format") { Description = "Part format (default: whichever the folder holds)." };
        format.AcceptOnlyFromAmong("parquet", "jsonl", "csv");
        var command = new Command("status", "Print done / missing / failed / running shards and the --array= list to resubmit; exit 0 when all are done, else 1.") { output, count, format };
        command.SetAction(parse => CommandRunner.Run(_ =>
        {
            PartFormat? chosen = PartFormats.TryParse(parse.GetValue(format), out var f) ? f : null;
            return Print(ShardsStatus.Check(parse.GetValue(output)!, parse.GetValue(count), chosen));
        }));
        return command;
    }

    private static int Print(ShardsStatus status)
    {
        foreach (var state in Enum.GetValues<ShardState>())
        {
            var indices = status.Indices(state);
            var name = state.ToString().ToLowerInvariant() + ":";
            Console.Out.WriteLine($"{name,-8} {indices.Count,6} of {status.Count}{(indices.Count > 0 ? "  " + SlurmArray.Format(indices) : "")}");
        }

        foreach (var shard in status.Shards.Where(s => s.Detail is not null))
        {
            Console.Out.WriteLine($"  shard {shard.Index}: {shard.Detail}");
        }

        if (status.AllDone)
        {
            return CommandRunner.Ok;
        }

        Console.Out.WriteLine(status.Resubmit.Length > 0 ? $"resubmit: --array={status.Resubmit}" : "resubmit: nothing; wait for the running shards");
        return CommandRunner.Failed;
    }
}
