using Genre.Core.Tests.TestSupport;

[assembly: AssemblyFixture(typeof(Genre.Web.Tests.TestSupport.TestModel))]

namespace Genre.Web.Tests.TestSupport;

/// <summary>One model folder for the whole run: the seeded reference network, a real CNN, with the GTZAN card.</summary>
public sealed class TestModel : IDisposable
{
    private readonly TempDirectory _root = new();

    public TestModel() => Directory = ReferenceModel.WriteFolder(_root.Combine("reference-model"));

    public string Directory { get; }

    public static IReadOnlyList<string> Genres => ReferenceModel.Genres;

    /// <summary>A real 30 s GTZAN clip, e.g. <c>rock.00000</c>.</summary>
    public static byte[] Clip(string track) => File.ReadAllBytes(TestPaths.SampleClip(track));

    public static string ClipPath(string track) => TestPaths.SampleClip(track);

    public void Dispose() => _root.Dispose();
}
