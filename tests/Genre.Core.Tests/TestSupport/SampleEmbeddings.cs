using Genre.Data.Embeddings;

namespace Genre.Core.Tests.TestSupport;

/// <summary>
/// Two labels of five sample clips each (classical, metal) as a labelled folder, and their embeddings extracted once
/// by the real extractor through the shipped AudioSet model, for the head's tests.
/// </summary>
public sealed class SampleEmbeddings : IDisposable
{
    private readonly TempDirectory _dir = new();

    public SampleEmbeddings()
    {
        Data = _dir.Combine("data");
        foreach (var genre in new[] { "classical", "metal" })
        {
            Directory.CreateDirectory(Path.Combine(Data, genre));
            for (var i = 0; i < 5; i++)
            {
                var track = $"{genre}.{i:D5}";
                File.Copy(TestPaths.SampleClip(track), Path.Combine(Data, genre, track + ".wav"));
            }
        }

        EmbeddingsPath = _dir.File("sample.npz");
        Set = EmbeddingExtractor.Extract(new EmbeddingExtractionRequest(Data, EmbeddingsPath, BaseModel)).Set;
    }

    public static string BaseModel => Path.Combine(TestPaths.RepositoryRoot, "models", "default");

    /// <summary>The labelled folder: data/classical/*.wav, data/metal/*.wav.</summary>
    public string Data { get; }

    public string EmbeddingsPath { get; }

    public EmbeddingSet Set { get; }

    public string Folder(string name) => _dir.Combine(name);

    public void Dispose() => _dir.Dispose();
}
