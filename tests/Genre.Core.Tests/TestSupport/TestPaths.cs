namespace Genre.Core.Tests.TestSupport;

/// <summary>Where the golden files and sample data live: ../shared beside the repository root.</summary>
internal static class TestPaths
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Shared { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string Reference => Path.Combine(Shared, "reference");

    public static string Librosa => Path.Combine(Reference, "librosa");

    public static string Formats => Path.Combine(Librosa, "formats");

    public static string Segments => Path.Combine(Librosa, "segments");

    public static string PytorchSeedCnn => Path.Combine(Reference, "pytorch-seed-cnn");

    /// <summary>Golden values of the pretrained AudioSet network (reference/efficientat/README.md).</summary>
    public static string EfficientAt => Path.Combine(Reference, "efficientat");

    public static string EfficientAtWeights => Path.Combine(Shared, "pretrained", "efficientat-mn04-as", "weights.safetensors");

    public static string GtzanSample => Path.Combine(Shared, "data", "gtzan-sample");

    public static string GtzanSampleClips => Path.Combine(GtzanSample, "genres_original");

    public static string Splits => Path.Combine(Shared, "data", "splits");

    public static string SampleClip(string track) =>
        Path.Combine(GtzanSampleClips, track[..track.IndexOf('.', StringComparison.Ordinal)], track + ".wav");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Genre.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (Genre.slnx) above " + AppContext.BaseDirectory);
    }
}
