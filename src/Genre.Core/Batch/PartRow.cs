namespace Genre.Batch;

/// <summary>
/// One row of a part: a track's id and resolved path, its genre (null when it is not music, silent, or failed), the
/// confidence, one probability per genre in the model's order, its duration in seconds, the error (null when it was
/// classified), the model's hash and the milliseconds it took. A failed row has nulls for everything it could not tell.
/// </summary>
public sealed record PartRow(
    string Id, string Path, string? Genre, float? Confidence, float[]? Probabilities, double? Duration, string? Error, string Model, long ElapsedMs)
{
    public static PartRow From(BatchResult result, string model)
    {
        ArgumentNullException.ThrowIfNull(result);
        var p = result.Prediction;
        return new PartRow(result.Input.Id, result.Input.Path, p?.Genre, p?.Confidence, p is null ? null : [.. p.Probabilities.Select(g => g.Probability)],
            p?.Duration.TotalSeconds, result.Error, model, (long)result.Elapsed.TotalMilliseconds);
    }
}
