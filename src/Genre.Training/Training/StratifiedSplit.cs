namespace Genre.Training;

/// <summary>
/// sklearn's <c>train_test_split(stratify=...)</c> sizes: <c>ceil(test_size * n)</c> items go to test, divided
/// among classes in proportion (largest remainders get the rounding), each class's items drawn at random.
/// </summary>
internal static class StratifiedSplit
{
    public static (int[] Train, int[] Test) TrainTest(IReadOnlyList<int> items, IReadOnlyList<long> classes, double testSize, Random random)
    {
        var n = items.Count;
        var testCount = (int)Math.Ceiling(testSize * n);
        var groups = Enumerable.Range(0, n).GroupBy(i => classes[i]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
        var exact = groups.Select(g => (double)g.Length * testCount / n).ToArray();
        var quota = exact.Select(e => (int)Math.Floor(e)).ToArray();
        var left = testCount - quota.Sum();
        foreach (var g in Enumerable.Range(0, groups.Length).OrderByDescending(g => exact[g] - quota[g]).ThenBy(g => g).Take(left))
        {
            quota[g]++;
        }

        var train = new List<int>(n - testCount);
        var test = new List<int>(testCount);
        for (var g = 0; g < groups.Length; g++)
        {
            var members = groups[g];
            random.Shuffle(members);
            test.AddRange(members[..quota[g]].Select(i => items[i]));
            train.AddRange(members[quota[g]..].Select(i => items[i]));
        }

        return ([.. train.Order()], [.. test.Order()]);
    }
}
