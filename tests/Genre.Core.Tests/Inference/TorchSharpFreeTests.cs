using Genre.Core.Tests.TestSupport;
using Shouldly;

namespace Genre.Core.Tests.Inference;

/// <summary>
/// The inference path must not load TorchSharp (and with it libtorch): that is what keeps a cold
/// <c>genre predict</c> small and fast.
/// </summary>
[Collection(TorchCollection.Name)]
public sealed class TorchSharpFreeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Loading_and_running_the_onnx_network_does_not_load_torchsharp()
    {
        var folder = ReferenceModel.WriteFolder(_temp.File("model"));
        var input = Golden.Load(Path.Combine(TestPaths.PytorchSeedCnn, "input.npy")).ToFloat32();
        var context = new IsolatedLoadContext(AppContext.BaseDirectory);
        var tests = context.LoadFromAssemblyPath(typeof(IsolatedInference).Assembly.Location);
        var run = tests.GetType(typeof(IsolatedInference).FullName!)!.GetMethod(nameof(IsolatedInference.Logits))!;

        var logits = (float[])run.Invoke(null, [folder, input, 8])!;

        Golden.AssertClose(logits, Golden.Load(Path.Combine(TestPaths.PytorchSeedCnn, "logits_eval.npy")).ToFloat32(), 1e-4f, "isolated logits");
        context.LoadedNames.ShouldContain("Genre.Core");
        context.LoadedNames.ShouldContain("Microsoft.ML.OnnxRuntime");
        context.LoadedNames.ShouldNotContain("TorchSharp");

        // Control: the context does see TorchSharp once something needs it (Genre.Training's GenreCnn derives from a TorchSharp module).
        context.LoadedNames.ShouldNotContain("Genre.Training");
        _ = context.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "Genre.Training.dll")).GetType("Genre.Model.GenreCnn", throwOnError: true)!.BaseType;
        context.LoadedNames.ShouldContain("TorchSharp");
    }

    [Fact]
    public void Loading_and_running_the_onnx_audioset_network_does_not_load_torchsharp()
    {
        var context = new IsolatedLoadContext(AppContext.BaseDirectory);
        var tests = context.LoadFromAssemblyPath(typeof(IsolatedInference).Assembly.Location);
        var run = tests.GetType(typeof(IsolatedInference).FullName!)!.GetMethod(nameof(IsolatedInference.AudioSetLogits))!;

        var logits = (float[])run.Invoke(null, [TestPaths.EfficientAtWeights, AudioSetReference.WindowZeroMel(), 1])!;

        Golden.AssertClose(logits, AudioSetReference.WindowZeroLogits(), Golden.AudioSetLogitsTolerance, "isolated logits");
        context.LoadedNames.ShouldContain("Microsoft.ML.OnnxRuntime");
        context.LoadedNames.ShouldNotContain("TorchSharp");
    }
}
