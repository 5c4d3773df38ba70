namespace Genre.Inference;

/// <summary>How <see cref="GenreClassifier"/> listens to a track: which part, and how many other tags to report.</summary>
public sealed record PredictionOptions
{
    /// <summary>The model's own default window and no tags.</summary>
    public static PredictionOptions Default { get; } = new();

    /// <summary>Which part of the track to listen to; null: the model's own default (its card's <c>default_window</c>).</summary>
    public PredictionWindow? Window { get; init; }

    /// <summary>How many of the model's other music tags (instruments, moods, styles) to report, for kinds that know any.</summary>
    public int Tags { get; init; }
}
