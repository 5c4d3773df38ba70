namespace Genre.Batch;

/// <summary>Shard indices as Slurm's <c>--array=</c> takes them: sorted, consecutive runs as ranges (<c>1,4-5,9</c>).</summary>
internal static class SlurmArray
{
    public static string Format(IEnumerable<int> indices)
    {
        var sorted = indices.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add(i == j ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }

        return string.Join(',', parts);
    }
}
