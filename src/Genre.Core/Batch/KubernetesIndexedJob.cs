using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Genre.Batch;

/// <summary>
/// A Kubernetes <c>batch/v1</c> Indexed Job: the pod with completion index I runs shard I (genre reads
/// <c>JOB_COMPLETION_INDEX</c>). Each index is retried on its own (<c>backoffLimitPerIndex</c>), and the
/// <c>podFailurePolicy</c> tells genre's exit codes apart: a bad manifest fails the index at once, a retry-worthy
/// failure is retried, an eviction is not counted. Needs Kubernetes 1.29 or later.
/// </summary>
public sealed partial record KubernetesIndexedJob
{
    private const string ContainerName = "genre";

    private const string VolumeName = "data";

    /// <summary>What every pod runs: the manifest, the output folder, the shard count, the model and the format.</summary>
    public required ShardCommand Command { get; init; }

    /// <summary>The container image, with genre in it.</summary>
    public required string Image { get; init; }

    /// <summary>The Job's name: at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit.</summary>
    public string Name { get; init; } = "genre-shards";

    /// <summary>Pods at once; null for all shards (the cluster places them as resources allow).</summary>
    public int? Parallelism { get; init; }

    /// <summary>CPU request and limit per pod (.NET sizes its thread pool to the limit by itself).</summary>
    public string Cpu { get; init; } = "2";

    /// <summary>Memory request and limit per pod, in Kubernetes' form (<c>2Gi</c>, <c>1500Mi</c>).</summary>
    public string Memory { get; init; } = "2Gi";

    /// <summary>Retries of one index before it is marked failed (failures that count: not exit 65, not evictions).</summary>
    public int BackoffLimitPerIndex { get; init; } = 3;

    /// <summary>A PersistentVolumeClaim holding the audio, the manifest and the output; null when the image has them.</summary>
    public string? VolumeClaim { get; init; }

    /// <summary>Where <see cref="VolumeClaim"/> is mounted in the container.</summary>
    public string? MountPath { get; init; }

    /// <summary>The Job as a YAML manifest for <c>kubectl apply -f</c>.</summary>
    /// <exception cref="LauncherException">A setting Kubernetes would refuse or read otherwise (a bad name, size or path).</exception>
    public string Render()
    {
        var words = Command.Words();
        Validate();
        var yaml = new StringBuilder();
        void Line(int indent, string text) => yaml.Append(' ', indent).Append(text).Append('\n');

        Line(0, $"# Kubernetes Indexed Job written by `genre shards k8s`: the pod with completion index I runs shard I of {Command.ShardCount}.");
        Line(0, "# Apply with `kubectl apply -f FILE`. Needs Kubernetes 1.29+ (backoffLimitPerIndex, podFailurePolicy FailIndex).");
        Line(0, "# Written by genre's own small emitter (the project has no YAML library): every string is double-quoted.");
        Line(0, "apiVersion: batch/v1");
        Line(0, "kind: Job");
        Line(0, "metadata:");
        Line(2, $"name: {YamlScalar.Quoted(Name)}");
        Line(0, "spec:");
        Line(2, "completionMode: Indexed");
        Line(2, $"completions: {Number(Command.ShardCount)}");
        Line(2, $"parallelism: {Number(Parallelism ?? Command.ShardCount)}");
        Line(2, $"backoffLimitPerIndex: {Number(BackoffLimitPerIndex)}");
        Line(2, "podFailurePolicy:");
        Line(4, "rules:");
        void ExitCodeRule(string why, string action, params int[] codes)
        {
            Line(6, $"# {why}");
            Line(6, $"- action: {action}");
            Line(8, "onExitCodes:");
            Line(10, $"containerName: {YamlScalar.Quoted(ContainerName)}");
            Line(10, "operator: In");
            Line(10, $"values: [{string.Join(", ", codes.Select(Number))}]");
        }

        ExitCodeRule($"{ShardCommand.DataError}: the manifest is bad; {ShardCommand.BadUsage}: the command is wrong. A retry fails the same way: fail the index now.",
            "FailIndex", ShardCommand.BadUsage, ShardCommand.DataError);
        ExitCodeRule($"{ShardCommand.TemporaryFailure}: output not writable, disk full or interrupted; retried, counting toward backoffLimitPerIndex.",
            "Count", ShardCommand.TemporaryFailure);
        Line(6, "# Evicted, preempted or drained: not the shard's fault; retried without counting.");
        Line(6, "- action: Ignore");
        Line(8, "onPodConditions:");
        Line(10, "- type: DisruptionTarget");
        Line(2, "template:");
        Line(4, "spec:");
        Line(6, "restartPolicy: Never");
        Line(6, "containers:");
        Line(8, $"- name: {YamlScalar.Quoted(ContainerName)}");
        Line(10, $"image: {YamlScalar.Quoted(Image)}");
        Line(10, "command:");
        foreach (var word in words)
        {
            Line(12, $"- {YamlScalar.Quoted(word)}");
        }

        Line(10, "resources:");
        foreach (var kind in new[] { "requests", "limits" })
        {
            Line(12, $"{kind}:");
            Line(14, $"cpu: {YamlScalar.Quoted(Cpu)}");
            Line(14, $"memory: {YamlScalar.Quoted(Memory)}");
        }

        if (VolumeClaim is not null)
        {
            Line(10, "volumeMounts:");
            Line(12, $"- name: {YamlScalar.Quoted(VolumeName)}");
            Line(14, $"mountPath: {YamlScalar.Quoted(MountPath!)}");
            Line(6, "volumes:");
            Line(8, $"- name: {YamlScalar.Quoted(VolumeName)}");
            Line(10, "persistentVolumeClaim:");
            Line(12, $"claimName: {YamlScalar.Quoted(VolumeClaim)}");
        }

        return yaml.ToString();
    }

    private void Validate()
    {
        // The Job controller labels each pod with the Job's name, and a label value is at most 63 characters.
        if (Name.Length > 63 || !DnsLabel().IsMatch(Name))
        {
            throw new LauncherException($"--name {Name}: a Job name is at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit");
        }

        if (string.IsNullOrWhiteSpace(Image) || Image.Any(char.IsWhiteSpace))
        {
            throw new LauncherException($"--image '{Image}': give a container image reference without spaces, such as registry.example.org/genre:0.1.0");
        }

        if (Parallelism is < 1)
        {
            throw new LauncherException($"--parallelism {Parallelism}: give at least 1, or leave it out for all shards at once");
        }

        if (BackoffLimitPerIndex < 0)
        {
            throw new LauncherException($"--backoff-limit-per-index {BackoffLimitPerIndex}: give 0 or more");
        }

        if (!CpuQuantity().IsMatch(Cpu))
        {
            throw new LauncherException($"--cpu {Cpu}: give a CPU quantity such as 2, 1.5 or 500m");
        }

        if (!MemoryQuantity().IsMatch(Memory))
        {
            throw new LauncherException($"--memory {Memory}: give a memory quantity such as 2Gi, 1500Mi or 2G");
        }

        if ((VolumeClaim is null) != (MountPath is null))
        {
            throw new LauncherException("--volume-claim and --mount go together: the claim to mount and where the container sees it");
        }

        if (VolumeClaim is not null && (VolumeClaim.Length > 253 || !DnsSubdomain().IsMatch(VolumeClaim)))
        {
            throw new LauncherException($"--volume-claim {VolumeClaim}: a claim name is lowercase letters, digits, '-' and '.'");
        }

        if (MountPath is not null && (!MountPath.StartsWith('/') || MountPath.Contains(':', StringComparison.Ordinal)))
        {
            throw new LauncherException($"--mount {MountPath}: give an absolute path in the container, without ':'");
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?|[0-9]+m)$")]
    private static partial Regex CpuQuantity();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$")]
    private static partial Regex MemoryQuantity();
}
