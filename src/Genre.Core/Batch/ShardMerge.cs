using System.Globalization;
using System.Text.RegularExpressions;
using Genre.Data;

namespace Genre.Batch;

/// <summary>
/// Concatenates the parts of a run into one file, in shard order and so in manifest order, in the format its extension
/// names; written under a temporary name and renamed. Every part must be there and of the same run (manifest, model,
/// shard count, feature version, window), else a <see cref="ShardException"/> says which are missing or differ. The
/// merged file's metadata is the parts' with shard index -1 (all of them) and the total row count.
/// </summary>
public static partial class ShardMerge
{
    /// <summary>Merges every part in <paramref name="directory"/> into <paramref name="target"/>.</summary>
    /// <param name="directory">The run's output folder.</param>
    /// <param name="target">The merged file; its extension (<c>.parquet</c>, <c>.jsonl</c>, <c>.csv</c>) sets its format.</param>
    /// <param name="cancellationToken">Stops between rows; nothing is left under <paramref name="target"/>'s name.</param>
    /// <returns>The merged file, its rows and how many of them are errors.</returns>
    /// <exception cref="ShardException">A part is missing, damaged or of another run, or the extension names no format.</exception>
    /// <exception cref="OutputException"><paramref name="target"/> cannot be written.</exception>
    public static ShardOutcome Run(string directory, string target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(target);
        if (!PartFormats.TryFromPath(target, out var targetFormat))
        {
            throw new ShardException($"{target}: cannot tell the format from the extension; use .parquet, .jsonl or .csv");
        }

        var parts = Parts(directory);
        var metadata = parts.Select(p => Metadata(p.Path, p.Format)).ToList();
        var first = metadata[0];
        foreach (var (m, (path, _)) in metadata.Zip(parts))
        {
            var differences = (first with { ShardIndex = m.ShardIndex, Format = m.Format }).Differences(m);
            if (differences.Count > 0)
            {
                throw new ShardException($"{path} is not of the same run as {parts[0].Path}: {string.Join("; ", differences)}");
            }
        }

        var rows = 0L;
        var errors = 0L;
        try
        {
            AtomicFile.Write(target, stream =>
            {
                using var writer = PartWriters.Create(targetFormat, stream, first.Genres);
                foreach (var (path, format) in parts)
                {
                    foreach (var row in PartReader.ReadRows(path, format, first.Genres))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        writer.Write(row);
                        rows++;
                        errors += row.Error is null ? 0 : 1;
                    }
                }

                writer.Complete(first with { ShardIndex = -1, Format = targetFormat, Rows = metadata.Sum(m => m.Rows) });
            });
        }
        catch (InvalidDataException e)
        {
            throw new ShardException($"a part in {directory} is damaged ({e.Message}); rerun that shard with --overwrite");
        }

        if (targetFormat != PartFormat.Parquet)
        {
            var merged = first with { ShardIndex = -1, Format = targetFormat, Rows = rows };
            AtomicFile.Write(PartMetadata.SidecarPath(target), s => s.Write(System.Text.Encoding.UTF8.GetBytes(merged.ToJson())));
        }

        return new ShardOutcome(target, false, rows, errors);
    }

    /// <summary>The parts of one run in shard order; a <see cref="ShardException"/> listing what is missing or mixed.</summary>
    private static List<(string Path, PartFormat Format)> Parts(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ShardException($"{directory}: folder not found");
        }

        var found = Directory.EnumerateFiles(directory)
            .Select(f => (Path: f, Match: PartName().Match(System.IO.Path.GetFileName(f))))
            .Where(p => p.Match.Success)
            .Select(p => (p.Path, Index: Number(p.Match, "index"), Count: Number(p.Match, "count"), Format: PartFormats.TryParse(p.Match.Groups["ext"].Value, out var f) ? f : default))
            .ToList();
        if (found.Count == 0)
        {
            throw new ShardException($"{directory}: no parts (part-NNNNN-of-NNNNN.parquet|jsonl|csv) to merge");
        }

        if (found.Select(p => (p.Count, p.Format)).Distinct().Count() > 1)
        {
            throw new ShardException($"{directory}: parts of several runs ({string.Join(", ", found.Select(p => $"{p.Count} shards as {p.Format}").Distinct())}); merge one run's folder");
        }

        var count = found[0].Count;
        var missing = Enumerable.Range(0, count).Except(found.Select(p => p.Index)).ToList();
        if (missing.Count > 0)
        {
            throw new ShardException($"{directory}: {missing.Count} of {count} parts missing (shards {SlurmArray.Format(missing)}); run them first (--array={SlurmArray.Format(missing)}), see: genre shards status --out {directory} --shard-count {count}");
        }

        return [.. found.OrderBy(p => p.Index).Select(p => (p.Path, p.Format))];
    }

    private static PartMetadata Metadata(string path, PartFormat format)
    {
        try
        {
            return PartReader.ReadMetadata(path, format);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new ShardException($"{path}: its metadata cannot be read ({e.Message}); rerun that shard with --overwrite");
        }
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^part-(?<index>\d{5})-of-(?<count>\d{5})\.(?<ext>parquet|jsonl|csv)$")]
    private static partial Regex PartName();
}
