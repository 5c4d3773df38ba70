using System.CommandLine;
using System.Globalization;
using Genre.Batch;

namespace Genre.Cli.Commands;

/// <summary><c>genre shards merge</c>: all parts of a run into one file, in manifest order.</summary>
internal static class ShardsMergeCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Folder of the parts.", Required = true };
        var to = new Option<string>("--to") { Description = "The merged file; its extension (.parquet, .jsonl, .csv) sets the format.", Required = true };
        var command = new Command("merge", "Concatenate every part of a run (all present, same manifest and model) into one file, in manifest order.") { output, to };
        command.SetAction(parse => CommandRunner.Run(cancel =>
        {
            var outcome = ShardMerge.Run(parse.GetValue(output)!, parse.GetValue(to)!, cancel);
            Console.Out.WriteLine($"{outcome.PartPath}: {outcome.Rows.ToString("N0", CultureInfo.InvariantCulture)} rows, {outcome.Errors.ToString("N0", CultureInfo.InvariantCulture)} errors");
            return CommandRunner.Ok;
        }));
        return command;
    }
}
