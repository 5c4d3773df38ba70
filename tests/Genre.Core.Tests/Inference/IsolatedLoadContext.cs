using System.Reflection;
using System.Runtime.Loader;

namespace Genre.Core.Tests.Inference;

/// <summary>
/// Loads the test's own copies of the app's assemblies afresh, so <see cref="AssemblyLoadContext.Assemblies"/> shows
/// exactly what a piece of code pulls in, as in a new process, even though other tests already loaded TorchSharp.
/// </summary>
internal sealed class IsolatedLoadContext(string directory) : AssemblyLoadContext("genre-isolated")
{
    public IReadOnlyList<string> LoadedNames => [.. Assemblies.Select(a => a.GetName().Name!)];

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Framework assemblies are not in the output folder and come from the default context.
        var path = Path.Combine(directory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
