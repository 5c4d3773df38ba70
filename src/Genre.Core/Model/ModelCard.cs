using System.Text.Json;

namespace Genre.Model;

/// <summary>
/// <c>model.json</c>: everything needed to use and to trust a set of weights: the genres in output order, the
/// feature settings inputs must be made with, the architecture, how it was trained, on what, and how well it did.
/// </summary>
public sealed record ModelCard
{
    public const int CurrentFormat = 1;

    public static JsonSerializerOptions JsonOptions => ModelCardJsonContext.Default.Options;

    public int FormatVersion { get; init; } = CurrentFormat;

    public string Architecture { get; init; } = CnnLayout.Architecture;

    /// <summary>Genre names in the order of the model's outputs.</summary>
    public required IReadOnlyList<string> Genres { get; init; }

    public required FeatureParameters Features { get; init; }

    public TrainingConfiguration? Training { get; init; }

    public DataFingerprint? Data { get; init; }

    /// <summary>How train, validation and test were chosen, in words.</summary>
    public string? SplitDescription { get; init; }

    public ModelMetrics? Metrics { get; init; }

    /// <summary>Divide logits by this before softmax for calibrated probabilities (1 = uncalibrated).</summary>
    public float Temperature { get; init; } = 1f;

    public DateTimeOffset? Created { get; init; }

    /// <summary>What the trainer wants a reader to know in words: where the data came from, how this model was chosen, its caveats.</summary>
    public string? Notes { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, ModelCardJsonContext.Default.ModelCard);

    /// <summary>Parses and checks a card; every problem is an <see cref="InvalidDataException"/> saying what.</summary>
    public static ModelCard FromJson(string json)
    {
        ModelCard? card;
        try
        {
            card = JsonSerializer.Deserialize(json, ModelCardJsonContext.Default.ModelCard);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"not a valid model card: {e.Message}", e);
        }

        if (card is null)
        {
            throw new InvalidDataException("not a valid model card: the JSON is null");
        }

        card.Validate();
        return card;
    }

    private void Validate()
    {
        if (FormatVersion != CurrentFormat)
        {
            throw new InvalidDataException($"model card format {FormatVersion} is not supported (this program reads format {CurrentFormat})");
        }

        if (Architecture != CnnLayout.Architecture)
        {
            throw new InvalidDataException($"architecture '{Architecture}' is not supported (this program has {CnnLayout.Architecture})");
        }

        if (Genres is null || Genres.Count == 0 || Genres.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidDataException("'genres' must list at least one non-empty genre name");
        }

        if (Genres.Distinct(StringComparer.Ordinal).Count() != Genres.Count)
        {
            throw new InvalidDataException("'genres' lists a genre twice");
        }

        if (Features is null)
        {
            throw new InvalidDataException("'features' is missing");
        }

        if (Features.Frames != CnnLayout.Frames || Features.Coefficients != CnnLayout.Coefficients)
        {
            throw new InvalidDataException(
                $"features give ({Features.Frames}, {Features.Coefficients}) inputs; {CnnLayout.Architecture} takes ({CnnLayout.Frames}, {CnnLayout.Coefficients})");
        }

        if (!float.IsFinite(Temperature) || Temperature <= 0)
        {
            throw new InvalidDataException($"temperature {Temperature} must be a positive number");
        }
    }
}
