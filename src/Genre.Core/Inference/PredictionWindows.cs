using System.Diagnostics.CodeAnalysis;

namespace Genre.Inference;

/// <summary>The names of <see cref="PredictionWindow"/> as users type them (CLI, web API, model cards), in one place.</summary>
public static class PredictionWindows
{
    /// <summary>The names, as a list for messages.</summary>
    public const string Names = "first30, full or spread";

    /// <summary>The window named <paramref name="text"/> (any case, spaces around ignored); false for any other text or null.</summary>
    public static bool TryParse(string? text, out PredictionWindow window)
    {
        switch (text?.Trim().ToUpperInvariant())
        {
            case "FIRST30":
                window = PredictionWindow.First30;
                return true;
            case "FULL":
                window = PredictionWindow.Full;
                return true;
            case "SPREAD":
                window = PredictionWindow.Spread;
                return true;
            default:
                window = default;
                return false;
        }
    }

    /// <summary>The name users type for <paramref name="window"/> (<c>first30</c>, <c>full</c>, <c>spread</c>); null for null.</summary>
    [return: NotNullIfNotNull(nameof(window))]
    public static string? Name(PredictionWindow? window) => window switch
    {
        null => null,
        PredictionWindow.First30 => "first30",
        PredictionWindow.Full => "full",
        PredictionWindow.Spread => "spread",
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };
}
