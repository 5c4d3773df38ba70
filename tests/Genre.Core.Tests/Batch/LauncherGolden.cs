using Genre.Batch;
using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Core.Tests.Batch;

/// <summary>
/// The launchers' golden files (Golden/ beside this file), compared exactly. After a deliberate change, rewrite them
/// with GENRE_UPDATE_GOLDEN=1 and review the diff in the commit.
/// </summary>
internal static class LauncherGolden
{
    /// <summary>The README's worked example: 16 shards of a manifest on shared storage.</summary>
    public static ShardCommand Example { get; } = new()
    {
        Genre = ["/opt/genre/genre"],
        Manifest = "/data/tracks.csv",
        Output = "/data/parts",
        ShardCount = 16,
    };

    public static void ShouldMatch(string actual, string fileName)
    {
        var path = Path.Combine(TestPaths.RepositoryRoot, "tests", "Genre.Core.Tests", "Batch", "Golden", fileName);
        if (Environment.GetEnvironmentVariable("GENRE_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        actual.ShouldBe(File.ReadAllText(path), $"{fileName} changed; if on purpose, rerun with GENRE_UPDATE_GOLDEN=1 and review the diff");
    }
}
