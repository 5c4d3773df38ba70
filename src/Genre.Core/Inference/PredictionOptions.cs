namespace Genre.Inference;

public sealed record PredictionOptions
{
    public static PredictionOptions Default { get; } = new();

    public PredictionWindow Window { get; init; } = PredictionWindow.First30;
}
