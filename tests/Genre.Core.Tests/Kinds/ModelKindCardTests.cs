using Genre.Core.Tests.TestSupport;
using Genre.Inference;
using Genre.Kinds;
using Genre.Model;
using Shouldly;

namespace Genre.Core.Tests.Kinds;

/// <summary>The card's <c>kind</c> decides what the rest of the card must say; every mistake is named.</summary>
public sealed class ModelKindCardTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_card_written_before_kinds_existed_is_the_mfcc_cnn()
    {
        var folder = ReferenceModel.WriteFolder(_temp.File("model"));
        var card = Path.Combine(folder, ModelFolder.CardFileName);
        File.WriteAllText(card, File.ReadAllText(card).Replace("\"kind\": \"mfcc-cnn\",", string.Empty, StringComparison.Ordinal));

        using var classifier = GenreClassifier.Load(folder);

        classifier.Kind.ShouldBe(ModelKinds.MfccCnn);
        classifier.SampleRate.ShouldBe(22050);
        classifier.DefaultWindow.ShouldBe(PredictionWindow.First30);
    }

    [Fact]
    public void An_unknown_kind_names_the_known_ones()
    {
        var e = Should.Throw<InvalidDataException>(() => ModelCard.FromJson("""{"format_version": 1, "kind": "wav2vec", "genres": ["a"]}"""));
        e.Message.ShouldContain("kind 'wav2vec' is not supported");
        e.Message.ShouldContain("mfcc-cnn, audioset");
    }

    [Theory]
    [InlineData("""{"format_version": 1, "kind": "audioset", "architecture": "efficientat-mn04-as", "genres": ["a", "b"]}""", "'genre_outputs' must give the AudioSet class of each of the 2 genres")]
    [InlineData("""{"format_version": 1, "kind": "audioset", "architecture": "efficientat-mn04-as", "genres": ["a", "b"], "genre_outputs": [1, 527]}""", "'genre_outputs' holds 527")]
    [InlineData("""{"format_version": 1, "kind": "audioset", "architecture": "efficientat-mn04-as", "genres": ["a", "b"], "genre_outputs": [5, 5]}""", "one AudioSet class for two genres")]
    [InlineData("""{"format_version": 1, "kind": "audioset", "architecture": "gtzan-cnn-v1", "genres": ["a"], "genre_outputs": [5]}""", "architecture 'gtzan-cnn-v1' is not supported by kind audioset")]
    [InlineData("""{"format_version": 1, "kind": "mfcc-cnn", "architecture": "gtzan-cnn-v1", "genres": ["a"]}""", "'features' is missing")]
    [InlineData("""{"format_version": 1, "kind": "audioset", "architecture": "efficientat-mn04-as", "genres": ["a"], "genre_outputs": [5], "genre_bias": [1, 2]}""", "'genre_bias' must hold one finite number per genre (1)")]
    [InlineData("""{"format_version": 1, "kind": "audioset", "architecture": "efficientat-mn04-as", "genres": ["a"], "genre_outputs": [5], "default_window": "middle"}""", "'default_window' is 'middle'")]
    [InlineData("""{"format_version": 1, "kind": "audioset-head", "architecture": "efficientat-mn04-as+head", "genres": ["a", "b"]}""", "'head' is missing")]
    [InlineData("""{"format_version": 1, "kind": "audioset-head", "architecture": "efficientat-mn04-as+head", "genres": ["a", "b"], "head": {"type": "svm", "hidden_units": 0, "weight_decay": 0, "network": "n", "music_gate": true}}""", "'head.type' is 'svm'")]
    [InlineData("""{"format_version": 1, "kind": "audioset-head", "architecture": "efficientat-mn04-as+head", "genres": ["a", "b"], "head": {"type": "mlp", "hidden_units": 0, "weight_decay": 0, "network": "n", "music_gate": true}}""", "an mlp head has at least 1")]
    [InlineData("""{"format_version": 1, "kind": "audioset-head", "architecture": "efficientat-mn04-as+head", "genres": ["a"], "head": {"type": "logistic", "hidden_units": 0, "weight_decay": 0, "network": "n", "music_gate": true}}""", "at least two labels")]
    public void Kind_specific_mistakes_are_named(string json, string message) =>
        Should.Throw<InvalidDataException>(() => ModelCard.FromJson(json)).Message.ShouldContain(message);

    [Fact]
    public void The_shipped_cards_are_valid_and_of_their_kinds()
    {
        var models = Path.Combine(TestPaths.RepositoryRoot, "models");
        ModelCard.FromJson(File.ReadAllText(Path.Combine(models, "default", ModelFolder.CardFileName))).Kind.ShouldBe(ModelKinds.AudioSet);
        var cnn = ModelCard.FromJson(File.ReadAllText(Path.Combine(models, "gtzan-cnn", ModelFolder.CardFileName)));
        cnn.Kind.ShouldBe(ModelKinds.MfccCnn);
        cnn.FittedClips!.Count.ShouldBe(82);
    }

    [Fact]
    public void A_folder_of_another_kind_is_refused_where_one_kind_is_needed()
    {
        var e = Should.Throw<ModelFileException>(() => OnnxGenreNetwork.Load(Path.Combine(TestPaths.RepositoryRoot, "models", "default")));
        e.Message.ShouldContain("is a model of kind 'audioset'; this needs kind 'mfcc-cnn'");
    }
}
