using System.Text.Json;
using Genre.Inference;
using Genre.Kinds;

namespace Genre.Model;

/// <summary>
/// <c>model.json</c>: everything needed to use and to trust a set of weights: the genres in output order, the
/// feature settings inputs must be made with, the architecture, how it was trained, on what, and how well it did.
/// </summary>
public sealed record ModelCard
{
    /// <summary>The card format this program reads and writes; a card of another is refused.</summary>
    public const int CurrentFormat = 1;

    private readonly string? _kind;

    /// <summary>The JSON settings cards are written with: snake_case names, indented, nulls left out.</summary>
    public static JsonSerializerOptions JsonOptions => ModelCardJsonContext.Default.Options;

    /// <summary>The card's format (<see cref="CurrentFormat"/>).</summary>
    public int FormatVersion { get; init; } = CurrentFormat;

    /// <summary>
    /// Which kind of model this is: its front end, network and rule for turning window outputs into genre
    /// probabilities (<see cref="ModelKinds"/>). Cards written before kinds existed are the original MFCC CNN.
    /// </summary>
    public string Kind
    {
        // The source-generated reader sets an absent property to null rather than leaving the default.
        get => _kind ?? ModelKinds.MfccCnn;
        init => _kind = value;
    }

    /// <summary>The exact layer stack the weights are for (<c>gtzan-cnn-v1</c>, ...); it must be the one the kind has.</summary>
    public string Architecture { get; init; } = CnnLayout.Architecture;

    /// <summary>Genre names in the order of the model's outputs.</summary>
    public required IReadOnlyList<string> Genres { get; init; }

    /// <summary>MFCC feature settings; only kinds fed with MFCCs have them.</summary>
    public FeatureParameters? Features { get; init; }

    /// <summary>
    /// For networks with more outputs than genres (a pretrained tagger): the output index of each genre, in
    /// <see cref="Genres"/> order.
    /// </summary>
    public IReadOnlyList<int>? GenreOutputs { get; init; }

    /// <summary>Where the weights come from when this project did not train them, and their licence.</summary>
    public string? Source { get; init; }

    /// <summary>The weights' licence, when this project did not train them.</summary>
    public string? License { get; init; }

    /// <summary>Which part of a track <c>predict</c> listens to when the caller does not say: first30, full or spread.</summary>
    public string? DefaultWindow { get; init; }

    /// <summary>
    /// Every clip this model was fitted on (trained, validated or calibrated), so that evaluation can keep to the
    /// clips it has never seen.
    /// </summary>
    public IReadOnlyList<string>? FittedClips { get; init; }

    /// <summary>How the model was trained, so the run can be repeated; null for weights trained elsewhere.</summary>
    public TrainingConfiguration? Training { get; init; }

    /// <summary>The head of a model of kind <c>audioset-head</c>: its type and what it was trained on.</summary>
    public HeadParameters? Head { get; init; }

    /// <summary>Which feature file the model was trained on and how its segments were split; null for weights trained elsewhere.</summary>
    public DataFingerprint? Data { get; init; }

    /// <summary>The augmentations training applied on the fly (none when absent).</summary>
    public AugmentationSettings? Augmentation { get; init; }

    /// <summary>How train, validation and test were chosen, in words.</summary>
    public string? SplitDescription { get; init; }

    /// <summary>What training measured on the validation and test splits; null for weights trained elsewhere.</summary>
    public ModelMetrics? Metrics { get; init; }

    /// <summary>Divide logits by this before softmax for calibrated probabilities (1 = uncalibrated).</summary>
    public float Temperature { get; init; } = 1f;

    /// <summary>Per-genre offsets added to the scaled logits before softmax (none = zeros); fitted with the temperature.</summary>
    public IReadOnlyList<float>? GenreBias { get; init; }

    /// <summary>What the calibration was fitted on and what it measured on clips it was not fitted on.</summary>
    public CalibrationRecord? Calibration { get; init; }

    /// <summary>When training wrote the card (UTC).</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>What the trainer wants a reader to know in words: where the data came from, how this model was chosen, its caveats.</summary>
    public string? Notes { get; init; }

    /// <summary>The card as <c>model.json</c> holds it: indented, snake_case, nulls left out.</summary>
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

        if (Genres is null || Genres.Count == 0 || Genres.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidDataException("'genres' must list at least one non-empty genre name");
        }

        if (Genres.Distinct(StringComparer.Ordinal).Count() != Genres.Count)
        {
            throw new InvalidDataException("'genres' lists a genre twice");
        }

        if (GenreBias is { } bias && (bias.Count != Genres.Count || bias.Any(b => !float.IsFinite(b))))
        {
            throw new InvalidDataException($"'genre_bias' must hold one finite number per genre ({Genres.Count})");
        }

        if (DefaultWindow is { } window && !PredictionWindows.TryParse(window, out _))
        {
            throw new InvalidDataException($"'default_window' is '{window}'; use {PredictionWindows.Names}");
        }

        var kind = ModelKinds.Find(Kind);
        if (Architecture != kind.Architecture)
        {
            throw new InvalidDataException($"architecture '{Architecture}' is not supported by kind {kind.Name} (this program has {kind.Architecture})");
        }

        kind.Validate(this);
        if (!float.IsFinite(Temperature) || Temperature <= 0)
        {
            throw new InvalidDataException($"temperature {Temperature} must be a positive number");
        }
    }
}
