using System.Text.Json;
using CsCheck;
using Genre.Batch;
using Shouldly;

namespace Genre.Core.Tests.Batch;

/// <summary>
/// The Indexed Job manifest. No Kubernetes cluster is available here, so it is checked by its golden text and by the
/// fields the API server needs, read back by indentation, not by a cluster accepting it.
/// </summary>
public sealed class KubernetesIndexedJobTests
{
    private static KubernetesIndexedJob Example => new()
    {
        Command = LauncherGolden.Example with { Genre = ["genre"] },
        Image = "registry.example.org/genre:0.1.0",
        Parallelism = 4,
        VolumeClaim = "music",
        MountPath = "/data",
    };

    [Fact]
    public void The_manifest_is_the_golden_one() => LauncherGolden.ShouldMatch(Example.Render(), "indexed-job.yaml");

    [Fact]
    public void The_manifest_has_every_field_an_indexed_job_with_a_pod_failure_policy_needs()
    {
        var fields = ReadFields(Example.Render());

        fields.ShouldContainKeyAndValue("apiVersion", "batch/v1");
        fields.ShouldContainKeyAndValue("kind", "Job");
        fields.ShouldContainKeyAndValue("spec.completionMode", "Indexed");
        fields.ShouldContainKeyAndValue("spec.completions", "16");
        fields.ShouldContainKeyAndValue("spec.parallelism", "4");
        fields.ShouldContainKeyAndValue("spec.backoffLimitPerIndex", "3");
        fields.ShouldContainKeyAndValue("spec.podFailurePolicy.rules[0].action", "FailIndex");
        fields.ShouldContainKeyAndValue("spec.podFailurePolicy.rules[0].onExitCodes.operator", "In");
        fields.ShouldContainKeyAndValue("spec.podFailurePolicy.rules[0].onExitCodes.values", "[2, 65]");
        fields.ShouldContainKeyAndValue("spec.podFailurePolicy.rules[1].action", "Count");
        fields.ShouldContainKeyAndValue("spec.podFailurePolicy.rules[1].onExitCodes.values", "[75]");
        fields.ShouldContainKeyAndValue("spec.podFailurePolicy.rules[2].action", "Ignore");
        fields.ShouldContainKeyAndValue("spec.podFailurePolicy.rules[2].onPodConditions[0].type", "DisruptionTarget");
        // podFailurePolicy is only allowed with restartPolicy Never.
        fields.ShouldContainKeyAndValue("spec.template.spec.restartPolicy", "Never");
        fields.ShouldContainKeyAndValue("spec.template.spec.containers[0].name", "\"genre\"");
        fields.ShouldContainKeyAndValue("spec.podFailurePolicy.rules[0].onExitCodes.containerName", "\"genre\"");
        fields.ShouldContainKeyAndValue("spec.template.spec.containers[0].resources.limits.memory", "\"2Gi\"");
        fields.ShouldContainKeyAndValue("spec.template.spec.containers[0].volumeMounts[0].mountPath", "\"/data\"");
        fields.ShouldContainKeyAndValue("spec.template.spec.volumes[0].persistentVolumeClaim.claimName", "\"music\"");
        string.Join(' ', Enumerable.Range(0, 10).Select(i => fields[$"spec.template.spec.containers[0].command[{i}]"]))
            .ShouldBe("\"genre\" \"predict\" \"--manifest\" \"/data/tracks.csv\" \"--out\" \"/data/parts\" \"--shard-count\" \"16\" \"--format\" \"parquet\"");
    }

    [Fact]
    public void Without_a_claim_there_are_no_volumes_and_without_parallelism_every_shard_may_run_at_once()
    {
        var fields = ReadFields((Example with { VolumeClaim = null, MountPath = null, Parallelism = null }).Render());

        fields.Keys.ShouldNotContain(k => k.Contains("volume", StringComparison.OrdinalIgnoreCase));
        fields.ShouldContainKeyAndValue("spec.parallelism", "16");
    }

    [Theory]
    [InlineData("Genre_Shards", null, "--name")]
    [InlineData("genre-shards", "/data", "--volume-claim and --mount go together")]
    public void A_setting_kubernetes_would_reject_is_refused_by_name(string name, string? mount, string named)
    {
        var error = Should.Throw<LauncherException>(() => (Example with { Name = name, VolumeClaim = mount is null ? "music" : null, MountPath = mount }).Render());

        error.Message.ShouldStartWith(named);
    }

    /// <summary>
    /// A YAML double-quoted scalar with only the escapes \" \\ \n \t \uXXXX is also a JSON string, so an independent
    /// reader (System.Text.Json) gives back exactly the text, whatever it held.
    /// </summary>
    [Fact]
    public void A_quoted_scalar_reads_back_as_the_text_it_quotes()
    {
        var text = Gen.Frequency((2, Gen.Char["\"\\\n\t\r\0#:'{}[]&*!|>%@` -"]), (1, Gen.Char['\u0080', '\u009f']), (2, Gen.Char[(char)0, '\uD7FF']),
            (1, Gen.Char['\uE000', '\uFFFF'])).Array[0, 30].Select(c => new string(c));
        text.Sample(value => JsonSerializer.Deserialize<string>(YamlScalar.Quoted(value)).ShouldBe(value), iter: 2000);
    }

    /// <summary>The manifest's fields by dotted path (list items as [i]), read by indentation: enough for the subset the emitter writes.</summary>
    private static Dictionary<string, string> ReadFields(string yaml)
    {
        var fields = new Dictionary<string, string>();
        var path = new List<(int Indent, string Key, int? Index)>();
        var itemCounts = new Dictionary<string, int>();
        string Dotted(IEnumerable<(int Indent, string Key, int? Index)> keys) =>
            string.Join('.', keys.Select(k => k.Index is { } i ? $"{k.Key}[{i}]" : k.Key));

        foreach (var raw in yaml.Split('\n'))
        {
            var text = raw.TrimStart();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var indent = raw.Length - text.Length;
            path.RemoveAll(p => p.Indent >= indent);
            if (text.StartsWith("- ", StringComparison.Ordinal))
            {
                // A list item of the last key: number it, then read what follows the dash as one level deeper.
                var list = path[^1];
                var id = Dotted(path[..^1]) + "." + list.Key;
                var index = itemCounts[id] = itemCounts.GetValueOrDefault(id, -1) + 1;
                path[^1] = list with { Index = index };
                text = text[2..];
                indent += 2;
                if (!text.Contains(": ", StringComparison.Ordinal) && !text.EndsWith(':'))
                {
                    fields[Dotted(path)] = text;
                    continue;
                }
            }

            var colon = text.IndexOf(':', StringComparison.Ordinal);
            var key = text[..colon];
            var value = text[(colon + 1)..].Trim();
            if (value.Length > 0)
            {
                fields[Dotted(path.Append((indent, key, null)))] = value;
            }

            path.Add((indent, key, null));
        }

        return fields;
    }
}
