using System.CommandLine;
using Genre.Batch;

namespace Genre.Cli.Commands;

/// <summary><c>genre shards k8s ...</c>: writes a Kubernetes Indexed Job, one completion index per shard.</summary>
internal static class ShardsK8sCommand
{
    public static Command Create()
    {
        var shared = new ShardLaunchOptions("The genre command in the image (default: genre, on the image's PATH).");
        var image = new Option<string>("--image") { Description = "Container image with genre in it.", Required = true };
        var name = new Option<string>("--name") { Description = "Job name.", DefaultValueFactory = _ => "genre-shards" };
        var parallelism = new Option<int?>("--parallelism") { Description = "Pods at once (default: all shards)." };
        var cpu = new Option<string>("--cpu") { Description = "CPU request and limit per pod.", DefaultValueFactory = _ => "2" };
        var memory = new Option<string>("--memory") { Description = "Memory request and limit per pod.", DefaultValueFactory = _ => "2Gi" };
        var backoff = new Option<int>("--backoff-limit-per-index") { Description = "Retries of one shard before it is marked failed.", DefaultValueFactory = _ => 3 };
        var claim = new Option<string?>("--volume-claim") { Description = "PersistentVolumeClaim with the audio, manifest and output." };
        var mount = new Option<string?>("--mount") { Description = "Where the claim is mounted in the container." };
        var command = new Command("k8s", "Write a Kubernetes Indexed Job that runs one shard per completion index (paths as the container sees them).");

        // The options every launcher shares first, then this engine's own.
        foreach (var option in shared.All.Concat<Option>([image, name, parallelism, cpu, memory, backoff, claim, mount]))
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CommandRunner.Run(_ =>
        {
            var job = new KubernetesIndexedJob
            {
                Command = shared.Read(parse, absolute: false, ["genre"]),
                Image = parse.GetValue(image)!,
                Name = parse.GetValue(name)!,
                Parallelism = parse.GetValue(parallelism),
                Cpu = parse.GetValue(cpu)!,
                Memory = parse.GetValue(memory)!,
                BackoffLimitPerIndex = parse.GetValue(backoff),
                VolumeClaim = parse.GetValue(claim),
                MountPath = parse.GetValue(mount),
            };
            shared.Write(parse, job.Render(), "start it with kubectl apply -f FILE");
            return CommandRunner.Ok;
        }));
        return command;
    }
}
