using Genre.Model;

namespace Genre.Batch;

/// <summary>
/// One row of a part: a track's id and resolved path, its genre (null when it is not music, silent, or failed), the
/// confidence, one probability per genre in the model's order, its duration in seconds, the error (null when it was
/// classified), the model's hash and the milliseconds it took. A failed row has nulls for everything it could not tell.
/// </summary>
/// <param name="Id">The manifest's id of the track (its path as written when it has none).</param>
/// <param name="Path">The track's path, resolved against the manifest's folder.</param>
/// <param name="Genre">The predicted genre; null when the track is not music, silent, or failed.</param>
/// <param name="Confidence">The genre's probability; null when the track failed.</param>
/// <param name="Probabilities">Every genre's probability, in the model's order; null when the track failed.</param>
/// <param name="Duration">The decoded length in seconds; null when the track failed.</param>
/// <param name="Error">Why the track has no prediction; null when it has one.</param>
/// <param name="Model">The model's hash (<see cref="ModelFolder.Sha256"/>).</param>
/// <param name="ElapsedMs">Milliseconds from the start of the track's decoding to its verdict.</param>
public sealed record PartRow(
    string Id, string Path, string? Genre, float? Confidence, float[]? Probabilities, double? Duration, string? Error, string Model, long ElapsedMs)
{
    /// <summary>The row of one batch result, as a shard writes it.</summary>
    /// <param name="result">A result of <see cref="BatchPredictor"/>.</param>
    /// <param name="model">The model's hash, for the <c>model</c> column.</param>
    public static PartRow From(BatchResult result, string model)
    {
        ArgumentNullException.ThrowIfNull(result);
        var p = result.Prediction;
        return new PartRow(result.Input.Id, result.Input.Path, p?.Genre, p?.Confidence, p is null ? null : [.. p.Probabilities.Select(g => g.Probability)],
            p?.Duration.TotalSeconds, result.Error, model, (long)result.Elapsed.TotalMilliseconds);
    }
}
