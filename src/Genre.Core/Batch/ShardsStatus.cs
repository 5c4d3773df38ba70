namespace Genre.Batch;

/// <summary>
/// The state of every shard of a run in an output folder. A shard is done when its part is whole with metadata that
/// agrees with the other done parts (same manifest, model, feature version, window); the rest is what to resubmit.
/// </summary>
/// <param name="Count">How many shards the run has.</param>
/// <param name="Shards">Every shard's state, in index order.</param>
public sealed record ShardsStatus(int Count, IReadOnlyList<ShardReport> Shards)
{
    /// <summary>The indices of the shards in <paramref name="state"/>, ascending.</summary>
    public IReadOnlyList<int> Indices(ShardState state) => [.. Shards.Where(s => s.State == state).Select(s => s.Index)];

    /// <summary>Whether every shard is done: the run can be merged.</summary>
    public bool AllDone => Shards.All(s => s.State == ShardState.Done);

    /// <summary>The shards to run again (missing and failed, not running), as Slurm's <c>--array=</c> list.</summary>
    public string Resubmit => SlurmArray.Format(Shards.Where(s => s.State is ShardState.Missing or ShardState.Failed).Select(s => s.Index));

    /// <summary>Checks the <paramref name="count"/> shards' parts in <paramref name="directory"/>; in <paramref name="format"/>, or whichever format parts there are in.</summary>
    public static ShardsStatus Check(string directory, int count, PartFormat? format = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var chosen = format ?? Enum.GetValues<PartFormat>().FirstOrDefault(f => Enumerable.Range(0, count).Any(i => File.Exists(new PartFile(directory, new Shard(i, count), f).Path)));
        var reports = new ShardReport[count];
        var found = new Dictionary<int, PartMetadata>();
        for (var i = 0; i < count; i++)
        {
            var part = new PartFile(directory, new Shard(i, count), chosen);
            if (File.Exists(part.Path))
            {
                try
                {
                    var metadata = PartReader.ReadMetadata(part.Path, chosen);
                    if (metadata.ShardIndex != i || metadata.ShardCount != count)
                    {
                        throw new InvalidDataException($"its metadata says shard {metadata.ShardIndex} of {metadata.ShardCount}");
                    }

                    found[i] = metadata;
                    continue;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
                {
                    reports[i] = new ShardReport(i, ShardState.Failed, $"{part.Name}: {e.Message}");
                    continue;
                }
            }

            var leftovers = part.Leftovers();
            reports[i] = leftovers.FirstOrDefault(PartFile.IsBeingWritten) is { } writing
                ? new ShardReport(i, ShardState.Running, $"{Path.GetFileName(writing)} being written")
                : leftovers is [var leftover, ..]
                    ? new ShardReport(i, ShardState.Failed, $"{Path.GetFileName(leftover)} left over by a process that is gone (killed)")
                    : new ShardReport(i, ShardState.Missing, null);
        }

        // The run is what most done parts say; a part that disagrees came from another run.
        var run = found.Values.GroupBy(m => (m.ManifestSha256, m.ModelSha256, m.FeatureVersion, m.Window)).OrderByDescending(g => g.Count()).FirstOrDefault()?.First();
        foreach (var (i, metadata) in found)
        {
            IReadOnlyList<string> differences = run is null ? [] : (run with { ShardIndex = i }).Differences(metadata);
            reports[i] = differences.Count == 0
                ? new ShardReport(i, ShardState.Done, null)
                : new ShardReport(i, ShardState.Failed, $"{new PartFile(directory, new Shard(i, count), chosen).Name} is from another run: {string.Join("; ", differences)}");
        }

        return new ShardsStatus(count, reports);
    }
}
