using System.CommandLine;
using Genre.Batch;

namespace Genre.Cli.Commands;

/// <summary><c>genre shards slurm ...</c>: writes an sbatch job-array script, one task per shard.</summary>
internal static class ShardsSlurmCommand
{
    public static Command Create()
    {
        var shared = new ShardLaunchOptions("The genre executable the tasks run (default: this one, by absolute path).");
        var cpus = new Option<int>("--cpus") { Description = "CPUs per task.", DefaultValueFactory = _ => 2 };
        var memory = new Option<string>("--mem") { Description = "Memory per task (sbatch's form: 2G, 1500M).", DefaultValueFactory = _ => "2G" };
        var time = new Option<string>("--time") { Description = "Time limit per task (sbatch's form).", DefaultValueFactory = _ => "01:00:00" };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition (default: the cluster's default)." };
        var maxParallel = new Option<int?>("--max-parallel") { Description = "At most this many tasks at once (the array's %K)." };
        var command = new Command("slurm", "Write an sbatch job-array script that runs one shard per array task.");

        // The options every launcher shares first, then this engine's own.
        foreach (var option in shared.All.Concat<Option>([cpus, memory, time, partition, maxParallel]))
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CommandRunner.Run(_ =>
        {
            var script = new SlurmArrayScript
            {
                Command = shared.Read(parse, absolute: true, GenreExecutable.Current()),
                Cpus = parse.GetValue(cpus),
                Memory = parse.GetValue(memory)!,
                Time = parse.GetValue(time)!,
                Partition = parse.GetValue(partition),
                MaxParallel = parse.GetValue(maxParallel),
            };
            var text = script.Render();
            if (script.Warning is { } warning)
            {
                Console.Error.WriteLine($"genre: warning: {warning}");
            }

            // Slurm opens a task's log before its script runs, and fails the task if the folder is missing.
            Directory.CreateDirectory(script.LogDirectory);
            shared.Write(parse, text, "submit it with sbatch FILE");
            return CommandRunner.Ok;
        }));
        return command;
    }
}
