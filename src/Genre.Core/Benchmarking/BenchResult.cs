namespace Genre.Benchmarking;

/// <summary>One measured figure, with the original system's figure on the same machine (when known) and the target.</summary>
internal sealed record BenchResult(string Name, double Value, string Unit, string? Original, string? Target, string? Note = null);
