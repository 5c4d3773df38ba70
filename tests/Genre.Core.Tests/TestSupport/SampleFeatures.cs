using Genre.Data;

namespace Genre.Core.Tests.TestSupport;

/// <summary>The 103-clip sample's training features, extracted once per test run and saved for tests that need a file.</summary>
internal static class SampleFeatures
{
    private static readonly Lazy<(FeatureSet Features, string Path)> Built = new(() =>
    {
        var features = DatasetExtractor.Extract(GtzanDataset.Open(TestPaths.GtzanSample)).Features;
        var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("genre-sample-").FullName, "sample.npz");
        features.Save(path);
        return (features, path);
    });

    public static FeatureSet Features => Built.Value.Features;

    public static string Path => Built.Value.Path;
}
