using Genre.Core.Tests.TestSupport;
using Genre.Data;
using Genre.Data.Embeddings;
using Genre.Inference;
using Shouldly;

namespace Genre.Core.Tests.Data.Embeddings;

/// <summary>Embedding extraction resumes: done files are kept, new ones added, unreadable ones named and skipped, and the result is the same bytes as one run.</summary>
public sealed class EmbeddingExtractorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Add(string label, string track, string? name = null)
    {
        var folder = Directory.CreateDirectory(_dir.Combine("data", label, "album")).FullName;
        var path = Path.Combine(folder, (name ?? track) + ".wav");
        File.Copy(TestPaths.SampleClip(track), path);
        return path;
    }

    private EmbeddingExtractionResult Extract(string output, PredictionWindow window = PredictionWindow.Spread) =>
        EmbeddingExtractor.Extract(new EmbeddingExtractionRequest(_dir.Combine("data"), output, SampleEmbeddings.BaseModel) { Window = window },
            cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public void A_rerun_keeps_done_files_adds_new_ones_and_names_an_unreadable_one()
    {
        Add("strings", "classical.00000");
        Add("guitars", "metal.00000");
        var output = _dir.File("e.npz");

        var first = Extract(output);
        var bytes = File.ReadAllBytes(output);
        var again = Extract(output);
        var rewritten = File.ReadAllBytes(output);
        Add("guitars", "metal.00001");
        var broken = _dir.Combine("data", "strings", "broken.wav");
        File.WriteAllBytes(broken, [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8, 1, 2]);
        var third = Extract(output);

        (first.Extracted, first.Reused).ShouldBe((2, 0));
        first.Set.Mapping.ShouldBe(["guitars", "strings"]);
        first.Set.Paths.Distinct().ShouldBe(["guitars/album/metal.00000.wav", "strings/album/classical.00000.wav"]);
        first.Set.Count.ShouldBe(6);
        (again.Extracted, again.Reused).ShouldBe((0, 2));
        rewritten.ShouldBe(bytes);
        (third.Extracted, third.Reused).ShouldBe((1, 2));
        third.Skipped.Single().Path.ShouldBe(broken);
        third.Set.Files.Select(f => f.RelativePath).ShouldBe(["guitars/album/metal.00000.wav", "guitars/album/metal.00001.wav", "strings/album/classical.00000.wav"]);
        // The resumed file is what one run over the same files gives.
        File.Delete(broken);
        var fresh = _dir.File("fresh.npz");
        Extract(fresh);
        File.ReadAllBytes(fresh).ShouldBe(File.ReadAllBytes(output));
    }

    [Fact]
    public void An_interrupted_run_leaves_its_checkpoint_and_the_next_run_resumes_from_it()
    {
        Add("strings", "classical.00000");
        Add("strings", "classical.00001");
        Add("guitars", "metal.00000");
        var output = _dir.File("e.npz");
        using var interrupt = new CancellationTokenSource();
        var request = new EmbeddingExtractionRequest(_dir.Combine("data"), output, SampleEmbeddings.BaseModel) { Threads = 1, CheckpointInterval = TimeSpan.Zero };

        Should.Throw<OperationCanceledException>(() => EmbeddingExtractor.Extract(request, new SynchronousProgress<ExtractionProgress>(_ => interrupt.Cancel()), interrupt.Token));
        var checkpoint = EmbeddingSet.Load(output);
        var resumed = Extract(output);

        checkpoint.Files.Count.ShouldBe(1);
        (resumed.Extracted, resumed.Reused).ShouldBe((2, 1));
        resumed.Set.Files.Count.ShouldBe(3);
    }

    [Fact]
    public void Two_files_of_one_name_stay_two_clips_and_another_window_policy_is_refused()
    {
        Add("a", "classical.00000", "take");
        Add("b", "metal.00000", "take");
        var output = _dir.File("e.npz");

        var set = Extract(output).Set;
        var refused = Should.Throw<DatasetException>(() => Extract(output, PredictionWindow.First30));

        set.Tracks.Distinct().ShouldBe(["a/album/take", "b/album/take"]);
        refused.Message.ShouldContain("--window spread");
        refused.Message.ShouldContain(output);
    }
}
