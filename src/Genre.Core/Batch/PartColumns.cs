namespace Genre.Batch;

/// <summary>The columns of a part, in order: id, path, genre, confidence, one per genre (named by it), duration, error, model, elapsed_ms.</summary>
internal static class PartColumns
{
    public const string Id = "id";
    public const string Path = "path";
    public const string Genre = "genre";
    public const string Confidence = "confidence";
    public const string Duration = "duration";
    public const string Error = "error";
    public const string Model = "model";
    public const string ElapsedMs = "elapsed_ms";

    public static IReadOnlyList<string> Names(IReadOnlyList<string> genres)
    {
        ArgumentNullException.ThrowIfNull(genres);
        return [Id, Path, Genre, Confidence, .. genres, Duration, Error, Model, ElapsedMs];
    }
}
