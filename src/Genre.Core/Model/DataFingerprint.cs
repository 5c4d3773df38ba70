using System.Security.Cryptography;

namespace Genre.Model;

/// <summary>Which feature file a model was trained on, and how its segments were divided.</summary>
public sealed record DataFingerprint
{
    /// <summary>SHA-256 of the feature file, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The feature file's name (without its folder).</summary>
    public required string File { get; init; }

    /// <summary>Segments in the file.</summary>
    public required int Segments { get; init; }

    /// <summary>Clips in the file.</summary>
    public required int Clips { get; init; }

    /// <summary>Segments the model was trained on.</summary>
    public required int TrainSegments { get; init; }

    /// <summary>Segments that chose the kept epoch and fitted the temperature.</summary>
    public required int ValidationSegments { get; init; }

    /// <summary>Segments held out for the card's test figures.</summary>
    public required int TestSegments { get; init; }

    /// <summary>SHA-256 of the file at <paramref name="path"/>, lower-case hex: what <see cref="Sha256"/> holds.</summary>
    public static string HashFile(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
