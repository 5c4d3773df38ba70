using System.Security.Cryptography;

namespace Genre.Model;

/// <summary>Which feature file a model was trained on, and how its segments were divided.</summary>
public sealed record DataFingerprint
{
    /// <summary>SHA-256 of the feature file, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    public required string File { get; init; }

    public required int Segments { get; init; }

    public required int Clips { get; init; }

    public required int TrainSegments { get; init; }

    public required int ValidationSegments { get; init; }

    public required int TestSegments { get; init; }

    public static string HashFile(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
