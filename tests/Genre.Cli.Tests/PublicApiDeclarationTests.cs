using System.Reflection;
using System.Text.RegularExpressions;
using Genre.Cli.Tests.TestSupport;
using Shouldly;

namespace Genre.Cli.Tests;

/// <summary>
/// Each library's public surface is declared in its PublicAPI.Shipped.txt (PublicApiAnalyzers fails the build on any
/// undeclared public member); this holds the same line from outside the compiler: every public type of the built
/// assemblies is named in its file, and every type the file names is still public.
/// </summary>
public sealed class PublicApiDeclarationTests
{
    public static TheoryData<string> Libraries => new(["Genre.Core", "Genre.Training", "Genre.Web"]);

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Every_public_type_is_declared_in_the_shipped_API_file_and_every_declared_type_exists(string library)
    {
        var lines = File.ReadAllLines(Path.Combine(GenreProcess.RepositoryRoot, "src", library, "PublicAPI.Shipped.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
        var types = Assembly.Load(library).GetExportedTypes().Select(t => t.FullName!.Replace('+', '.')).ToList();
        types.ShouldNotBeEmpty();

        var undeclared = types.Where(t => !lines.Any(l => Declares(l, t))).ToList();
        undeclared.ShouldBeEmpty($"public in {library} but not in its PublicAPI.Shipped.txt (declare it, or make it internal)");

        // A type line is the type's name alone, possibly after modifiers ("static", "abstract", ...).
        var declaredTypes = lines.Select(l => Regex.Replace(l, @"^(\w+ )+(?=Genre\.)", "")).Where(l => Regex.IsMatch(l, @"^[\w.]+$")).Distinct().ToList();
        var members = declaredTypes.Where(d => !types.Contains(d) && types.Any(t => d.StartsWith(t + ".", StringComparison.Ordinal))).ToList();
        declaredTypes.Except(members).Except(types).ShouldBeEmpty($"named in {library}'s PublicAPI.Shipped.txt but not public in the assembly");
    }

    private static bool Declares(string line, string type) =>
        Regex.IsMatch(line, $@"^(\w+ )*{Regex.Escape(type)}($|[ .(\[<])");
}
