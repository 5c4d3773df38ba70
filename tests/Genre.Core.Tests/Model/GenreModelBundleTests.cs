using Genre.Core.Tests.TestSupport;
using Genre.Features;
using Genre.Model;
using Shouldly;

namespace Genre.Core.Tests.Model;

[Collection(TorchCollection.Name)]
public sealed class GenreModelBundleTests : IDisposable
{
    private static readonly string[] Genres = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"];

    private readonly string root = Directory.CreateTempSubdirectory("genre-bundle-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static GenreModelBundle NewBundle(int genres = 10) => new(
        new ModelCard { Genres = Genres[..genres], Features = FeatureParameters.From(MfccSettings.Gtzan), Temperature = 1.5f },
        new GenreCnn(genres));

    private string Saved(int genres = 10)
    {
        var directory = Path.Combine(root, "model");
        using var bundle = NewBundle(genres);
        bundle.Save(directory);
        return directory;
    }

    [Fact]
    public void Save_then_load_gives_identical_tensors_and_card()
    {
        var directory = Path.Combine(root, "model");
        using var bundle = NewBundle();
        bundle.Save(directory);
        using var loaded = GenreModelBundle.Load(directory);
        loaded.Card.Genres.ShouldBe(Genres);
        loaded.Card.Temperature.ShouldBe(1.5f);
        loaded.Card.Features.ShouldBe(FeatureParameters.From(MfccSettings.Gtzan));
        var expected = ModelWeights.Export(bundle.Network);
        var actual = ModelWeights.Export(loaded.Network);
        foreach (var (name, tensor) in expected)
        {
            actual[name].Data.ShouldBe(tensor.Data, name);
        }

        Directory.GetFileSystemEntries(root).Select(Path.GetFileName).ShouldBe(["model"]);
    }

    [Fact]
    public void Saving_over_an_existing_model_replaces_it()
    {
        var directory = Saved();
        File.WriteAllText(Path.Combine(directory, "stale.txt"), "old");
        using (var bundle = NewBundle())
        {
            bundle.Save(directory);
        }

        File.Exists(Path.Combine(directory, "stale.txt")).ShouldBeFalse();
        Directory.GetFileSystemEntries(root).Select(Path.GetFileName).ShouldBe(["model"]);
    }

    [Fact]
    public void The_card_uses_librosas_names_for_feature_settings()
    {
        var json = File.ReadAllText(Path.Combine(Saved(), GenreModelBundle.CardFileName));
        json.ShouldContain("\"n_fft\": 2048");
        json.ShouldContain("\"n_mfcc\": 13");
        json.ShouldContain("\"architecture\": \"gtzan-cnn-v1\"");
    }

    [Fact]
    public void A_missing_folder_is_a_model_file_error() =>
        Should.Throw<ModelFileException>(() => GenreModelBundle.Load(Path.Combine(root, "nope"))).Message.ShouldContain("model folder not found");

    [Theory]
    [InlineData(GenreModelBundle.CardFileName, "model card not found")]
    [InlineData(GenreModelBundle.WeightsFileName, "weights file not found")]
    public void A_missing_file_is_a_model_file_error(string file, string message)
    {
        var directory = Saved();
        File.Delete(Path.Combine(directory, file));
        Should.Throw<ModelFileException>(() => GenreModelBundle.Load(directory)).Message.ShouldContain(message);
    }

    [Fact]
    public void Corrupt_json_is_a_model_file_error()
    {
        var directory = Saved();
        File.WriteAllText(Path.Combine(directory, GenreModelBundle.CardFileName), "{ \"genres\": [");
        var e = Should.Throw<ModelFileException>(() => GenreModelBundle.Load(directory));
        e.Message.ShouldContain("model.json");
        e.Message.ShouldContain("not a valid model card");
    }

    [Fact]
    public void A_truncated_weights_file_is_a_model_file_error()
    {
        var directory = Saved();
        var weights = Path.Combine(directory, GenreModelBundle.WeightsFileName);
        File.WriteAllBytes(weights, File.ReadAllBytes(weights)[..5000]);
        Should.Throw<ModelFileException>(() => GenreModelBundle.Load(directory)).Message.ShouldContain("truncated");
    }

    [Fact]
    public void A_card_whose_genres_do_not_match_the_outputs_is_rejected()
    {
        var directory = Saved();
        var card = Path.Combine(directory, GenreModelBundle.CardFileName);
        File.WriteAllText(card, File.ReadAllText(card).Replace("\"rock\"", "\"rock\", \"polka\"", StringComparison.Ordinal));
        Should.Throw<ModelFileException>(() => GenreModelBundle.Load(directory)).Message.ShouldContain("10 outputs but model.json lists 11 genres");
    }

    [Fact]
    public void Weights_with_a_wrong_shape_are_rejected()
    {
        var directory = Saved();
        using (var other = new GenreCnn(10))
        {
            var tensors = ModelWeights.Export(other);
            tensors["fc.3.weight"] = new SafeTensor(SafeTensorDType.F32, [128, 255], new byte[128 * 255 * 4]);
            using var file = File.Create(Path.Combine(directory, GenreModelBundle.WeightsFileName));
            SafeTensorsFile.Write(file, tensors);
        }

        Should.Throw<ModelFileException>(() => GenreModelBundle.Load(directory)).Message.ShouldContain("'fc.3.weight' is F32 [128, 255], the model needs F32 [128, 256]");
    }

    [Fact]
    public void Features_made_with_other_settings_are_refused()
    {
        using var bundle = NewBundle();
        bundle.EnsureFeatures(MfccSettings.Gtzan);
        Should.Throw<ModelFileException>(() => bundle.EnsureFeatures(MfccSettings.Gtzan with { HopLength = 256 }, "x.npz"))
            .Message.ShouldBe("x.npz: features do not match the model's: hop_length 512 (model) vs 256; frames 130 (model) vs 259");
    }

    [Fact]
    public void An_unwritable_destination_is_an_output_error()
    {
        var file = Path.Combine(root, "a-file");
        File.WriteAllText(file, "");
        using var bundle = NewBundle();
        Should.Throw<OutputException>(() => bundle.Save(Path.Combine(file, "model"))).Message.ShouldContain("cannot write");
    }
}
