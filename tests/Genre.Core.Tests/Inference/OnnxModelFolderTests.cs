using Genre.Core.Tests.TestSupport;
using Genre.Inference;
using Genre.Model;
using Shouldly;

namespace Genre.Core.Tests.Inference;

/// <summary>Every broken model folder is a <see cref="ModelFileException"/> that says what is wrong, before ORT sees a graph.</summary>
public sealed class OnnxModelFolderTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _folder;

    public OnnxModelFolderTests() => _folder = ReferenceModel.WriteFolder(_temp.File("model"));

    public void Dispose() => _temp.Dispose();

    private string Card => Path.Combine(_folder, ModelFolder.CardFileName);

    private string Weights => Path.Combine(_folder, ModelFolder.WeightsFileName);

    private string LoadError()
    {
        var e = Should.Throw<ModelFileException>(() => OnnxGenreNetwork.Load(_folder).Dispose());
        return e.Message;
    }

    [Fact]
    public void A_missing_folder() =>
        Should.Throw<ModelFileException>(() => OnnxGenreNetwork.Load(_temp.File("nope"))).Message.ShouldContain("model folder not found");

    [Fact]
    public void A_file_instead_of_a_folder() =>
        Should.Throw<ModelFileException>(() => OnnxGenreNetwork.Load(Weights)).Message.ShouldContain("is a file");

    [Fact]
    public void A_missing_card()
    {
        File.Delete(Card);
        LoadError().ShouldContain("model card not found");
    }

    [Fact]
    public void Missing_weights()
    {
        File.Delete(Weights);
        LoadError().ShouldContain("weights file not found");
    }

    [Fact]
    public void Corrupt_json()
    {
        File.WriteAllText(Card, "{ \"genres\": [");
        var message = LoadError();
        message.ShouldContain(ModelFolder.CardFileName);
        message.ShouldContain("not a valid model card");
    }

    [Fact]
    public void Truncated_weights()
    {
        File.WriteAllBytes(Weights, File.ReadAllBytes(Weights)[..5000]);
        LoadError().ShouldContain("truncated");
    }

    [Fact]
    public void More_genres_than_outputs()
    {
        File.WriteAllText(Card, File.ReadAllText(Card).Replace("\"rock\"", "\"rock\", \"polka\"", StringComparison.Ordinal));
        LoadError().ShouldContain("10 outputs but model.json lists 11 genres");
    }

    [Fact]
    public void A_tensor_with_the_wrong_shape()
    {
        Rewrite(t => t["fc.3.weight"] = new SafeTensor(SafeTensorDType.F32, [128, 255], new byte[128 * 255 * 4]));
        LoadError().ShouldContain("'fc.3.weight' is F32 [128, 255], the model needs F32 [128, 256]");
    }

    [Fact]
    public void A_missing_tensor()
    {
        Rewrite(t => t.Remove("block2.3.running_var"));
        LoadError().ShouldContain("weights are missing 1 tensor(s) of gtzan-cnn-v1: block2.3.running_var");
    }

    [Fact]
    public void An_unexpected_tensor()
    {
        Rewrite(t => t["block4.0.weight"] = new SafeTensor(SafeTensorDType.F32, [1], new byte[4]));
        LoadError().ShouldContain("does not have: block4.0.weight");
    }

    private void Rewrite(Action<Dictionary<string, SafeTensor>> change)
    {
        Dictionary<string, SafeTensor> tensors;
        using (var file = File.OpenRead(Weights))
        {
            tensors = SafeTensorsFile.Read(file);
        }

        change(tensors);
        using var output = File.Create(Weights);
        SafeTensorsFile.Write(output, tensors);
    }
}
